"""Large tables are written piece by piece (issue 14, item 8: the CLI's peak memory):
the pieces make exactly the text `word2vec_text` gives, a bad word is refused before
anything is written, and the output folder counts what the pieces wrote."""
import numpy as np
import pytest

from negsamp import textformats
from negsamp.atomic import atomic_write
from negsamp.rundir import OutputFolder
from negsamp.textformats import parse_word2vec_text, word2vec_pieces, word2vec_text


def _table(V, D=3, seed=0):
    rng = np.random.default_rng(seed)
    return [f"w{i}" for i in range(V)], rng.standard_normal((V, D)).astype(np.float32)


BLOCK = textformats._BLOCK_ROWS


@pytest.mark.parametrize("V", [1, BLOCK - 1, BLOCK, 2 * BLOCK + 5])
def test_the_pieces_are_the_text_in_blocks(V):
    words, W = _table(V)
    pieces = list(word2vec_pieces(words, W))
    assert len(pieces) == 1 + -(-V // textformats._BLOCK_ROWS)  # the header, then one per block
    text = "".join(pieces)
    back = parse_word2vec_text(text)
    assert back.words == words
    np.testing.assert_array_equal(back.vectors, W)
    assert text == word2vec_text(words, W)


def test_a_bad_word_is_refused_before_any_piece():
    words, W = _table(5)
    words[4] = "two words"
    with pytest.raises(ValueError, match="word 4"):
        word2vec_pieces(words, W)


def test_atomic_write_of_pieces_writes_them_all_and_counts_bytes(tmp_path):
    words, W = _table(textformats._BLOCK_ROWS + 3)
    size = atomic_write(tmp_path / "v.txt", word2vec_pieces(words, W))
    data = (tmp_path / "v.txt").read_bytes()
    assert size == len(data) and data.decode() == word2vec_text(words, W)
    assert atomic_write(tmp_path / "b.bin", [b"ab", "c\u00e9"]) == 5  # str pieces in UTF-8


def test_a_failing_piece_leaves_no_file_behind(tmp_path):
    def pieces():
        yield b"first"
        raise OSError(28, "No space left on device")
    with pytest.raises(OSError):
        atomic_write(tmp_path / "v.txt", pieces())
    assert list(tmp_path.iterdir()) == []


def test_the_output_folder_commits_a_file_written_in_pieces(tmp_path):
    words, W = _table(10)
    with OutputFolder(tmp_path / "out") as out:
        out.write("vectors.txt", word2vec_pieces(words, W))
        out.commit()
    assert (tmp_path / "out" / "vectors.txt").read_text() == word2vec_text(words, W)
