"""A source not written in English is refused in one line naming the language; English full of foreign names never is.

The foreign paragraphs are written for these tests (none is a translation of an article); the English ones
are dense with French, German, Norwegian, Catalan and Azerbaijani names, as real articles are.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from citefacts.errors import InputError
from citefacts.read import read_source
from citefacts.read.language import foreign, identify

DATA = Path(__file__).parent / "data"

FOREIGN = [
    (
        "nn",
        "Norwegian Nynorsk",
        "Skulen vart bygd i 1921 og er ein av dei eldste i fylket. Elevane kjem frå heile dalen, og mange av "
        "dei må reise med båt kvar dag. Hovudkvarteret til selskapet ligg i Bergen.",
    ),
    (
        "no",
        "Norwegian Bokmål",
        "Skolen ble bygget i 1921 og er en av de eldste i fylket. Elevene kommer fra hele dalen, og mange av "
        "dem må reise med båt hver dag. Hovedkontoret til selskapet ligger i Bergen.",
    ),
    (
        "de",
        "German",
        "Die Gemeinde liegt am Ufer des Bodensees und hat etwa 4000 Einwohner. Die Kirche wurde im 12. "
        "Jahrhundert erbaut und 1890 umfassend renoviert.",
    ),
    (
        "fr",
        "French",
        "Le village est situé dans la vallée de la Drôme. Son église, reconstruite en 1862, abrite un retable "
        "du XVIIe siècle. La commune compte environ 400 habitants.",
    ),
    (
        "es",
        "Spanish",
        "La ciudad se encuentra a orillas del río Ebro y cuenta con unos 50 000 habitantes. Su catedral fue "
        "construida entre los siglos XII y XV.",
    ),
    (
        "nl",
        "Dutch",
        "Het dorp ligt aan de oever van de Maas en telt ongeveer 2000 inwoners. De kerk werd in de vijftiende "
        "eeuw gebouwd en in 1920 gerestaureerd.",
    ),
]

ENGLISH = [
    "The village of Saint-Julien-en-Vercors lies in the Drôme department of southeastern France. Its church, "
    "Notre-Dame-de-l'Assomption, was rebuilt in 1862, and the hamlets of Les Combes, La Martelière and Le "
    "Château belong to the commune.",
    "In 1988 the regional soviet of Nagorno-Karabakh voted to join Armenia. Fighting spread to Stepanakert, "
    "Shusha and Aghdam; the Bishkek Protocol of May 1994 ended the war and left the Lachin corridor under "
    "Armenian control.",
    "Schloss Neuschwanstein was commissioned by Ludwig II of Bavaria in 1868 above Hohenschwangau, near "
    "Füssen. The Sängerhalle and the Thronsaal were finished after his death in 1886.",
    "Hovudkvarteret of the Fjord Line company is in Bergen; its ferries sail from Stavanger and Hirtshals, and "
    "the MS Bergensfjord entered service in 2014.",
    "The Sagrada Família in Barcelona, designed by Antoni Gaudí, was begun in 1882. The Passion façade, by "
    "Josep Maria Subirachs, was completed in 1976.",
]


@pytest.mark.parametrize(("code", "name", "text"), FOREIGN, ids=[case[0] for case in FOREIGN])
def test_a_foreign_paragraph_is_named_and_refused(code: str, name: str, text: str) -> None:
    guess = identify(text)
    assert guess is not None and guess.code == code and guess.name == name
    assert foreign(guess)


@pytest.mark.parametrize("text", ENGLISH, ids=range(len(ENGLISH)))
def test_english_full_of_foreign_names_is_english(text: str) -> None:
    guess = identify(text)
    assert guess is not None and guess.code == "en" and not foreign(guess)


@pytest.mark.parametrize(
    "paragraphs",
    [
        [
            "This is a list of stave churches in Sogn, Norway, with the places and the years they were built.",
            "Hopperstad stavkyrkje, Vik (1130)",
            "Kaupanger stavkyrkje, Sogndal (1140)",
            "Urnes stavkyrkje, Luster (1130)",
            "Borgund stavkyrkje, Lærdal (1180)",
            "Undredal stavkyrkje, Aurland (1147)",
        ],
        [
            "Works by the author include Die Gemeinde am See (1921), Der Fluss und die Berge (1925), Nach dem "
            "Krieg (1948) and Das letzte Jahr der Familie Wagner (1953)."
        ],
    ],
    ids=["list-of-norwegian-names", "german-titles"],
)
def test_english_made_mostly_of_foreign_names_is_not_refused(paragraphs: list[str]) -> None:
    guess = identify(paragraphs)
    assert guess is not None and guess.english > 0.05 and not foreign(guess)


def test_too_little_prose_is_never_refused() -> None:
    assert identify("Elva renn mot fjorden.") is None


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("a.txt", "{text}^1\n\nReferences\n^ Statistisk sentralbyrå, 2021.\n"),
        ("a.md", "{text}[^1]\n\n[^1]: Statistisk sentralbyrå, 2021.\n"),
        ("a.wiki", "'''{text}'''<ref>Statistisk sentralbyrå, 2021.</ref>\n\n== Kjelder ==\n<references/>\n"),
    ],
)
def test_every_format_refuses_a_foreign_body_in_one_line(tmp_path: Path, name: str, content: str) -> None:
    path = tmp_path / name
    path.write_text(content.format(text=FOREIGN[0][2]))
    with pytest.raises(InputError) as caught:
        read_source(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: written in Norwegian Nynorsk (nn), not English; citefacts reads English only")
    assert "\n" not in message


def test_an_accepted_language_is_read(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text(FOREIGN[2][2] + "[^1]\n\n[^1]: Landesamt, 2020.\n")
    assert read_source(path, languages=("en", "de")).blocks
    assert read_source(path, languages=()).blocks


def test_foreign_footnote_titles_do_not_make_an_english_article_foreign(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text(
        ENGLISH[0] + "[^1]\n\n[^1]: Jean Dupont, « Histoire de la commune et de ses hameaux depuis le Moyen Âge "
        "jusqu'à la Révolution française », Bulletin de la Société d'archéologie de la Drôme, 1987, p. 12-40.\n"
    )
    assert read_source(path).blocks


FOREIGN_FIXTURES = {"nynorsk-village.wiki", "statoil-nynorsk.wiki"}


def test_a_real_nynorsk_wikipedia_article_is_refused_naming_its_language() -> None:
    """The Nynorsk Wikipedia's "Statoil", which ran through the English model gave PERSON "Hovudkvarteret"."""
    with pytest.raises(InputError, match=r"written in Norwegian Nynorsk \(nn\), not English"):
        read_source(DATA / "read" / "statoil-nynorsk.wiki")


@pytest.mark.parametrize(
    "path",
    [
        DATA / "nagorno-karabakh-conflict.txt",
        DATA / "link_small_article.txt",
        DATA / "link_empty_footnotes.txt",
        *sorted((DATA / "read").glob("*.txt")),
        *sorted((DATA / "read").glob("*.md")),
        *sorted(p for p in (DATA / "read").glob("*.wiki") if p.name not in FOREIGN_FIXTURES),
    ],
    ids=lambda path: path.name,
)
def test_the_seed_and_english_fixtures_are_never_refused(path: Path) -> None:
    assert read_source(path, require_footnotes=False).blocks


def test_extract_refuses_a_nynorsk_article_with_exit_2_before_any_work(tmp_path: Path) -> None:
    source = DATA / "read" / "nynorsk-village.wiki"
    result = subprocess.run(
        [sys.executable, "-m", "citefacts", "extract", str(source), "--out", str(tmp_path)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr
    assert lines[0].startswith(
        f"error: {source}: written in Norwegian Nynorsk (nn), not English; citefacts reads English only"
    )
    assert not list(tmp_path.iterdir())
