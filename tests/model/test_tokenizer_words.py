"""A word the project dictionary added to jieba and took back again (a confirmation undone) leaves jieba as it
was: its own frequency, and the total of frequencies that weighs every word of every segmentation; a word
jieba did not know is forgotten, not forced apart (``del_word`` would split it wherever its HMM found it)."""

from __future__ import annotations

from jieba import finalseg

from model.suggest.tokenizer import JiebaTokenizer

TEXT = "越南外交部副部长阮明武与美国国务院官员举行会谈,讨论湄公河合作。"


def test_words_added_and_taken_back_leave_jieba_as_it_was() -> None:
    tokenizer = JiebaTokenizer()
    tokenizer.load()
    jieba = tokenizer._tokenizer
    before = (jieba.total, tokenizer.tokens(TEXT))
    known = "外交部"  # in jieba's dictionary
    unknown = "阮明武与美"  # not a word
    assert jieba.FREQ.get(known) and jieba.FREQ.get(unknown) is None
    frequency = jieba.FREQ[known]
    for _ in range(2):
        tokenizer.add_words([(known, "nt"), (unknown, "nr")])
        assert jieba.total != before[0]
        tokenizer.remove_words([known, unknown])
    assert jieba.total == before[0]
    assert jieba.FREQ[known] == frequency and unknown not in jieba.FREQ
    assert unknown not in finalseg.Force_Split_Words
    assert tokenizer.tokens(TEXT) == before[1]
