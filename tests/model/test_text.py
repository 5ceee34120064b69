from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from model.text import Utf16Offsets, first_line_title, line_ending_kind, normalise_newlines, utf16_length


def test_line_ending_kinds() -> None:
    assert [line_ending_kind(t) for t in ("a\nb", "a\r\nb", "a\rb", "a\r\nb\n", "ab")] == [
        "lf",
        "crlf",
        "cr",
        "mixed",
        "none",
    ]


@given(st.text(alphabet=st.sampled_from(list("ab𠮷\u3000\u2028\r\n")), max_size=30))
def test_normalise_keeps_every_other_character_at_its_mapped_offset(text: str) -> None:
    new, mapper = normalise_newlines(text)
    assert "\r" not in new
    assert new.replace("\n", "") == text.replace("\r", "").replace("\n", "")
    for i, ch in enumerate(text):
        if ch not in "\r\n":
            assert new[mapper(i)] == ch
    assert mapper(len(text)) == len(new)


def test_title() -> None:
    assert first_line_title("\n\n  标题  \n正文") == "标题"
    assert first_line_title("长" * 200, limit=10) == "长" * 9 + "…"


def test_display_width_clip_and_pad_count_terminal_columns() -> None:
    from model.text import clip, display_width, pad

    assert display_width("张伟") == 4 and display_width("alice") == 5 and display_width("e\u0301") == 1
    assert clip("欧阳小明同学们", 10) == "欧阳小明…" and display_width(clip("欧阳小明同学们", 10)) == 9
    assert clip("alice", 10) == "alice"
    assert pad("张伟", 6) == "张伟  " and pad("张伟", 6, right=True) == "  张伟"


@given(st.text(alphabet=st.sampled_from(list("a北𠮷😀\n\u3000")), max_size=30))
def test_utf16_offsets_agree_with_the_utf16_encoding(text: str) -> None:
    units = Utf16Offsets(text)
    assert utf16_length(text) == units.utf16_length == len(text.encode("utf-16-le")) // 2
    for k in range(len(text) + 1):
        u16 = units.to_utf16(k)
        assert u16 == len(text[:k].encode("utf-16-le")) // 2 and units.to_codepoints(u16) == k
    inside = {units.to_utf16(k) + 1 for k, ch in enumerate(text) if ord(ch) > 0xFFFF}
    assert all(units.to_codepoints(u) is None for u in inside)
    assert units.to_codepoints(-1) is None and units.to_codepoints(units.utf16_length + 1) is None
