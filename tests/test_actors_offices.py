"""People of 1990-2010 news resolved by name and the story's date to the office they then held.

The facts are public records of who held which office when (written for this test from general
knowledge, not from any gold set); several people appear at two dates with two offices, so the test
fails if a table forgets a term or the resolver picks a term by anything but the date.
"""

from __future__ import annotations

import pytest

from sitrep.actors import resolve

OFFICES = [  # name as news writes it, a story's date, the code, the office then held
    ("Yevgeny Primakov", "1997-06-01", "RUSGOV", "Foreign Minister"),
    ("Yevgeny Primakov", "1999-02-01", "RUSGOV", "Prime Minister"),
    ("Vladimir Putin", "1999-10-01", "RUSGOV", "Prime Minister"),
    ("Vladimir Putin", "2004-05-01", "RUSGOV", "President"),
    ("Shimon Peres", "1994-05-01", "ISRGOV", "Foreign Minister"),
    ("Shimon Peres", "1996-02-01", "ISRGOV", "Prime Minister"),
    ("Shimon Peres", "2008-01-01", "ISRGOV", "President"),
    ("Boutros Boutros-Ghali", "1994-01-01", "IGO", "UN Secretary-General"),
    ("Kofi Annan", "1999-01-01", "IGO", "UN Secretary-General"),
    ("Madeleine Albright", "1998-03-01", "USAGOV", "Secretary of State"),
    ("Condoleezza Rice", "2002-06-01", "USAGOV", "National Security Adviser"),
    ("Condoleezza Rice", "2006-06-01", "USAGOV", "Secretary of State"),
    ("Javier Solana", "1997-05-01", "IGOMIL", "NATO Secretary General"),
    ("Javier Solana", "2003-05-01", "IGOGOV", "EU foreign policy chief"),
    ("Romano Prodi", "1997-01-01", "ITAGOV", "Prime Minister"),
    ("Romano Prodi", "2001-01-01", "IGOGOV", "European Commission President"),
    ("Mahmoud Abbas", "2003-07-01", "PSEGOV", "Prime Minister"),
    ("Mahmoud Abbas", "2006-01-01", "PSEGOV", "Palestinian Authority President"),
    ("Lionel Jospin", "1999-01-01", "FRAGOV", "Prime Minister"),
    ("Zhu Rongji", "2000-01-01", "CHNGOV", "Premier"),
    ("Li Peng", "1995-01-01", "CHNGOV", "Premier"),
    ("Atal Bihari Vajpayee", "1999-05-01", "INDGOV", "Prime Minister"),
    ("Nawaz Sharif", "1998-06-01", "PAKGOV", "Prime Minister"),
    ("Pervez Musharraf", "2002-01-01", "PAKGOV", "President"),
    ("Eduard Shevardnadze", "1998-01-01", "GEOGOV", "President"),
    ("Igor Ivanov", "2000-01-01", "RUSGOV", "Foreign Minister"),
    ("Hans Blix", "1995-01-01", "IGO", "IAEA Director General"),
    ("Mohamed ElBaradei", "2003-01-01", "IGO", "IAEA Director General"),
    ("Robin Cook", "1998-01-01", "GBRGOV", "Foreign Secretary"),
    ("William Cohen", "1998-01-01", "USAGOV", "Defense Secretary"),
    ("Tariq Aziz", "1998-01-01", "IRQGOV", "Deputy Prime Minister"),
    ("Franjo Tudjman", "1996-01-01", "HRVGOV", "President"),
    ("Alija Izetbegovic", "1996-01-01", "BIHGOV", "President"),
    ("Milo Djukanovic", "1996-01-01", "MNEGOV", "Prime Minister"),
    ("Milo Djukanovic", "1999-01-01", "MNEGOV", "President"),
    ("King Hassan", "1997-05-01", "MARGOV", "King"),
]


@pytest.mark.parametrize(("name", "date", "code", "office"), OFFICES)
def test_actors_offices_person_resolves_to_the_office_held_at_the_date(name: str, date: str, code: str,
                                                                         office: str) -> None:
    actor = resolve(name, date=date)
    assert actor is not None and actor.kind == "person"
    assert (actor.code, actor.office) == (code, office)


def test_actors_offices_after_the_last_term_is_the_former_office() -> None:
    actor = resolve("Shimon Peres", date="2015-01-01")
    assert actor is not None and actor.code == "ISRELI" and actor.office == "former President"


def test_actors_offices_a_title_never_reads_a_city_as_its_country() -> None:
    # "Hassan" is also a city of India: after a title it is a name, not a qualifier
    actor = resolve("President Hassan", date="1997-05-01")
    assert actor is None or actor.country != "IND"
