"""Settling a file's encoding keeps at most the text of the codec it last tried: a Big5 file that GB18030
also reads whole is not held twice (a 62 MB file cost 125 MB more at its peak)."""

from __future__ import annotations

import sys
import tracemalloc

from storage.formats.decoding import decode

LINE = "台灣的經濟發展與國際貿易關係密切，政府表示將持續推動產業升級。" * 20 + "\n"


def test_a_big5_file_is_decoded_without_keeping_the_text_of_a_codec_it_rejected() -> None:
    data = (LINE * 3000).encode("big5")  # 3.7 MB; GB18030 reads it whole too, as other characters
    tracemalloc.start()
    try:
        text, encoding = decode(data, "big5.txt")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert encoding == "big5" and text == LINE * 3000
    size = sys.getsizeof(text)
    # measured: 3.6 text sizes at the peak (the text, the decoder's working copies, byte slices); holding
    # the rejected GB18030 text too made it 4.6
    assert peak < 4.1 * size, peak / size
