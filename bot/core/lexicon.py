"""Word lists the extractors use, kept as data so they can grow without touching the rules.

Every table maps surface words (lower case) to a normalised value. Multi-word entries are
matched as whole phrases; longer phrases win over shorter ones.
"""

from __future__ import annotations

from bot.core.model import Hedge


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# --- numbers -------------------------------------------------------------------------------

SCALE_WORDS: dict[str, float] = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "mln": 1e6,
    "mn": 1e6,
    "m": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
}

NUMBER_WORDS: frozenset[str] = _words(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy "
    "eighty ninety hundred thousand million billion trillion"
)

# Vague quantities: phrase -> (low, high). Longest phrase wins.
VAGUE_PHRASES: dict[str, tuple[float, float]] = {
    "dozens": (24, 99),
    "scores": (40, 199),
    "hundreds": (200, 999),
    "several hundred": (300, 900),
    "a few hundred": (200, 500),
    "several dozen": (36, 99),
    "a few dozen": (24, 60),
    "a couple of dozen": (24, 36),
    "a couple of hundred": (200, 300),
    "a couple of thousand": (2_000, 3_000),
    "thousands": (2_000, 9_999),
    "several thousand": (3_000, 9_000),
    "a few thousand": (2_000, 5_000),
    "tens of thousands": (20_000, 99_999),
    "hundreds of thousands": (200_000, 999_999),
    "millions": (2e6, 9.99e6),
    "tens of millions": (2e7, 9.99e7),
    "hundreds of millions": (2e8, 9.99e8),
}

# Hedge phrases written just before a number. Longest phrase wins.
PREFIX_HEDGES: dict[str, Hedge] = {
    "about": Hedge.ABOUT,
    "around": Hedge.ABOUT,
    "some": Hedge.ABOUT,
    "roughly": Hedge.ABOUT,
    "approximately": Hedge.ABOUT,
    "approx.": Hedge.ABOUT,
    "an estimated": Hedge.ABOUT,
    "estimated": Hedge.ABOUT,
    "circa": Hedge.ABOUT,
    "~": Hedge.ABOUT,
    "up to": Hedge.UP_TO,
    "as many as": Hedge.UP_TO,
    "as much as": Hedge.UP_TO,
    "at most": Hedge.UP_TO,
    "no more than": Hedge.UP_TO,
    "almost": Hedge.ALMOST,
    "nearly": Hedge.ALMOST,
    "near": Hedge.ALMOST,
    "close to": Hedge.ALMOST,
    "just under": Hedge.ALMOST,
    "just shy of": Hedge.ALMOST,
    "approaching": Hedge.ALMOST,
    "at least": Hedge.AT_LEAST,
    "more than": Hedge.AT_LEAST,
    "over": Hedge.AT_LEAST,
    "in excess of": Hedge.AT_LEAST,
    "upwards of": Hedge.AT_LEAST,
    "no fewer than": Hedge.AT_LEAST,
    "no less than": Hedge.AT_LEAST,
    "fewer than": Hedge.FEWER_THAN,
    "less than": Hedge.FEWER_THAN,
    "under": Hedge.FEWER_THAN,
    "below": Hedge.FEWER_THAN,
    # a negated bound is the other bound: "not more than 300" is at most 300
    "not more than": Hedge.UP_TO,
    "not over": Hedge.UP_TO,
    "not less than": Hedge.AT_LEAST,
    "not fewer than": Hedge.AT_LEAST,
    "not under": Hedge.AT_LEAST,
    "a maximum of": Hedge.UP_TO,
    "a minimum of": Hedge.AT_LEAST,
    "upward of": Hedge.AT_LEAST,
    "in the region of": Hedge.ABOUT,
    "more or less": Hedge.ABOUT,
}

# Verbs whose particle "up" makes a following "up to N" a move to N, not a bound: "revised the
# rate up to 4.4%" is exactly 4.4%.
PARTICLE_UP_VERBS: frozenset[str] = _words(
    "revised revises revise raised raises raise rose risen rises jumped climbed increased "
    "pushed moved ticked edged went gone shot soared marked bumped"
)

SUFFIX_HEDGES: dict[str, Hedge] = {
    "or more": Hedge.AT_LEAST,
    "or so": Hedge.ABOUT,
    "-plus": Hedge.AT_LEAST,
    "+": Hedge.AT_LEAST,
    "or fewer": Hedge.FEWER_THAN,
    "or less": Hedge.FEWER_THAN,
}

MONTHS: frozenset[str] = _words(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
)

WEEKDAYS: frozenset[str] = _words("monday tuesday wednesday thursday friday saturday sunday")

# Words after a number that make it a measurement, not a count ("152mm", "30 km").
MEASURE_UNITS: frozenset[str] = _words(
    "mm cm km m kg g lb lbs mph kph kmh knots km/h miles mile metres meters metre meter "
    "kilometres kilometers kilometre kilometer feet ft inch inches degrees °c °f calibre "
    "caliber hours hour minutes minute seconds days day weeks week months month years year "
    "decades pm am p.m. a.m. p.m a.m gmt utc bst cet edt est kst hrs ghz mhz mw kw gw kwh "
    "nautical yards yd hectare-sized sq "
    # electrical quantities ("a 400 kV line", "50 Hz") and the nights of a stay or an ordeal
    "kv volts volt hz khz watts watt kilowatts megawatts gigawatts nights night o'clock "
    "magnitude storeys "
    # concentrations: "40 mg per litre", "300 ppm"
    "mg µg mcg milligrams micrograms ppm ppb"
)

# Words between a number and its unit that leave it a measurement: "20 working days", "two more
# days", "six full months".
UNIT_MODIFIERS: frozenset[str] = _words(
    "more further additional extra working business calendar full straight consecutive whole "
    "long short clear solid"
)

# Words just before a number that make it an identifier ("Resolution 2231", "Flight 17").
IDENTIFIER_WORDS: frozenset[str] = _words(
    "article resolution no no. number flight route highway chapter section page vol vol. "
    "volume item room unit platform gate line version model type class brigade division "
    "regiment battalion corps squad block level round stage phase grade episode season game "
    "week day year aged age ages magnitude bib terminal runway pier berth dock hangar "
    "gates platforms terminals runways piers berths docks hangars "
    # codes and numbered lines: "the code 4471", "the prefix 7040", "Lines 2 and 4"
    "code prefix extension postcode category tier "
    # numbered parts of a ship, a building or a road, and decrees: "deck 7", "floor 12" (a
    # plural is a label only before a list: "decks 5 to 9", not "on the upper decks 300 ...")
    "deck cabin ward floor exit junction lane sector decree checkpoint "
    # a point on a river or a road, a radio channel: "at kilometre 212", "on channel 16"; a unit
    # before its number names a point, as a unit after it measures ("the km 12 marker", "at mile
    # 20", but "4 km of beach")
    "kilometre kilometer channel km mile milepost"
)
# Numbered places: "gates 11 and 12", "platforms 3 to 5" name them, every number of the list.
PLACE_LABELS: frozenset[str] = _words(
    "gate gates platform platforms terminal terminals runway runways pier piers berth berths "
    "dock docks hangar hangars room rooms block blocks section sections line lines deck decks "
    "cabin cabins ward wards floor floors lane lanes exit exits sector sectors checkpoint "
    "checkpoints flat flats"
)

CURRENCY_PREFIX: dict[str, str] = {
    "us$": "USD",
    "$": "USD",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "₩": "KRW",
    "₽": "RUB",
    "₴": "UAH",
}

CURRENCY_WORDS: dict[str, str] = {
    "dollars": "USD",
    "dollar": "USD",
    "usd": "USD",
    "euros": "EUR",
    "euro": "EUR",
    "eur": "EUR",
    "pounds": "GBP",
    "gbp": "GBP",
    "won": "KRW",
    "rubles": "RUB",
    "roubles": "RUB",
    "yuan": "CNY",
    "yen": "JPY",
    "hryvnias": "UAH",
}

# ISO 4217 codes as wire copy writes them before a sum ("EUR 14m", "DKK 900m", "USD 2.5bn").
CURRENCY_CODES: frozenset[str] = frozenset(
    [
        "USD",
        "EUR",
        "GBP",
        "JPY",
        "CNY",
        "KRW",
        "RUB",
        "UAH",
        "CHF",
        "DKK",
        "SEK",
        "NOK",
        "PLN",
        "CZK",
        "HUF",
        "CAD",
        "AUD",
        "NZD",
        "INR",
    ]
)

PERCENT_WORDS: frozenset[str] = frozenset({"%", "percent", "per cent", "pc", "percentage points"})

# --- what is counted -------------------------------------------------------------------------

# Noun (or participle) phrase -> normalised counted kind. Longest phrase wins.
# Goods measured by weight: what "1.8 million tonnes" measures when its clause names them.
COMMODITIES: frozenset[str] = frozenset(
    {"grain", "wheat", "maize", "corn", "rice", "barley", "oats", "sorghum", "soybeans", "soya"}
    | {"sugar", "cocoa", "coffee", "tea", "cotton", "feedstock", "crude", "oil", "fuel", "diesel"}
    | {"petrol", "gasoline", "naphtha", "coal", "ore", "iron", "steel", "copper", "aluminium"}
    | {"cement", "fertiliser", "fertilizer", "waste", "debris", "rubble", "fish", "meat", "milk"}
    | {"food", "fodder", "seed", "seeds", "timber", "plastic", "ammonia", "chemicals"}
)

# Livestock and other animals, by head: one quantity, "livestock" ("58,000 cattle, sheep and
# goats" and "some 40,000 head of livestock").
ANIMALS: tuple[str, ...] = (
    "animals", "livestock", "cattle", "cows", "bulls", "calves", "oxen", "buffalo", "buffaloes",
    "sheep", "lambs", "goats", "pigs", "hogs", "swine", "horses", "donkeys", "mules", "camels",
    "poultry", "chickens", "hens", "ducks", "geese", "turkeys", "birds", "head of cattle",
    "head of livestock", "head of sheep", "head of goats", "heads of cattle", "heads of livestock",
)  # fmt: skip
# People by what they do, like firefighters, runners and passengers (README "Mappings"): fans,
# players, gunmen. Each is a group told only by its noun, like an open noun's things: a count
# of them is a quantity of its own, learned only where the story ties it to its topic.
OPEN_PEOPLE: frozenset[str] = frozenset(
    {
        "fans",
        "supporters",
        "players",
        "skiers",
        "walkers",
        "cyclists",
        "motorists",
        "pedestrians",
        "shoppers",
        "worshippers",
        "birdwatchers",
        "concertgoers",
        "festivalgoers",
        "farmers",
        "tenants",
        "homeowners",
        "athletes",
        "competitors",
        "gunmen",
        "attackers",
        "assailants",
        "hijackers",
        "kidnappers",
        "regulars",
        "mourners",
        "traders",
    }
)
COUNTED: dict[str, str] = {
    "troops": "troops",
    "troop": "troops",
    "soldiers": "troops",
    "soldier": "troops",
    "servicemen": "troops",
    "service members": "troops",
    "servicemembers": "troops",
    "fighters": "troops",
    "forces": "troops",
    "reinforcements": "troops",
    # soldiers by how they were drafted: "300,000 reservists would be called up"
    "reservists": "troops",
    "conscripts": "troops",
    "draftees": "troops",
    "men": "troops",
    "personnel": "troops",
    "contingent": "troops",
    "military builders": "troops",
    "workers": "people",
    "labourers": "people",
    "laborers": "people",
    "builders": "troops",
    "deminers": "troops",
    "sappers": "troops",
    "killed": "killed",
    "dead": "killed",
    "deaths": "killed",
    "died": "killed",
    "fatalities": "killed",
    "death toll": "killed",
    "killed in action": "killed",
    "shot dead": "killed",
    "wounded": "wounded",
    "injured": "injured",
    "injuries": "injured",
    "hurt": "injured",
    "casualties": "killed_or_wounded",
    "killed or wounded": "killed_or_wounded",
    "killed and wounded": "killed_or_wounded",
    "killed or injured": "killed_or_wounded",
    "killed and injured": "killed_or_wounded",
    "dead or wounded": "killed_or_wounded",
    "dead and wounded": "killed_or_wounded",
    "dead or injured": "killed_or_wounded",
    "captured": "prisoners",
    "prisoners": "prisoners",
    "prisoner": "prisoners",
    "prisoners of war": "prisoners",
    "pows": "prisoners",
    "missing": "missing",
    "unaccounted for": "missing",
    "displaced": "displaced",
    "evacuated": "displaced",
    "evacuees": "displaced",
    "homeless": "displaced",
    "forced from their homes": "displaced",
    # made to leave their homes, in other words (README: residents "moved out" -> displaced)
    "moved out": "displaced",
    "relocated": "displaced",
    "ordered to leave": "displaced",
    "forced to leave": "displaced",
    "ordered out": "displaced",
    "arrested": "arrested",
    "arrests": "arrested",
    "detained": "arrested",
    "detentions": "arrested",
    # people charged or sentenced are people, whatever they did ("charged 341 over the riots")
    "charged": "people",  # "the detention count" counts the arrested (counted._tally_of)
    "protesters": "protesters",
    "protestors": "protesters",
    "demonstrators": "protesters",
    "marchers": "protesters",
    "marched": "protesters",
    "protested": "protesters",
    "demonstrated": "protesters",
    "rallied": "protesters",
    "took to the streets": "protesters",
    "joined the march": "protesters",
    "joined the protest": "protesters",
    "joined the protests": "protesters",
    "jobs": "jobs",
    # jobs lost, in the words for losing them: "2,800 job cuts", "job losses", "layoffs"
    "job cuts": "jobs",
    "job losses": "jobs",
    "jobs lost": "jobs",
    "jobs cut": "jobs",
    "layoffs": "jobs",
    "lay-offs": "jobs",
    "redundancies": "jobs",
    "hectares": "hectares",
    "acres": "acres",
    "cars": "vehicles",
    "buses": "vehicles",
    "trucks": "vehicles",
    "vans": "vehicles",
    "lorries": "vehicles",
    # emergency vehicles are vehicles, as lorries are: "40 fire engines", "12 ambulances"
    "fire engines": "vehicles",
    "fire trucks": "vehicles",
    "fire appliances": "vehicles",
    "ambulances": "vehicles",
    "units": "units",
    "ships": "units",
    "shares": "units",
    "season tickets": "units",
    "tickets": "units",
    "parking spaces": "units",
    "spaces": "units",
    "bicycle racks": "units",
    "racks": "units",
    "e-bikes": "units",
    "bikes": "units",
    "capacity": "people",
    "sheltering": "displaced",
    "sheltering in tents": "displaced",
    "treated for injuries": "injured",
    "treated in hospital for injuries": "injured",
    "treated in hospitals for injuries": "injured",
    "admitted to hospital with injuries": "injured",
    "admitted to hospital with their injuries": "injured",
    "toll": "killed",
    "residents": "people",
    # people by their calling whose noun no suffix marks (`quantity.person_noun`)
    "experts": "people",
    # a population counts its people: "put the population at 14.6 million"
    "population": "people",
    "firefighters": "people",
    "passengers": "people",
    "runners": "people",
    "losses": "killed_or_wounded",
    "shells": "shells",
    "artillery shells": "shells",
    "artillery rounds": "shells",
    "rounds": "shells",
    "ammunition": "shells",
    # munitions are shells (README kinds); which munition is their group (MUNITION_GROUPS)
    "missiles": "shells",
    "ballistic missiles": "shells",
    "cruise missiles": "shells",
    "rockets": "shells",
    "hypersonic missiles": "shells",
    "interceptor missiles": "shells",
    "interceptors": "shells",
    "bombs": "shells",
    "glide bombs": "shells",
    "guided bombs": "shells",
    "cluster bombs": "shells",
    "mortar rounds": "shells",
    "mortar shells": "shells",
    "mortar bombs": "shells",
    "grenades": "shells",
    "torpedoes": "shells",
    "artillery rockets": "shells",
    "drones": "units",
    "tanks": "tanks",
    "howitzers": "artillery",
    "artillery systems": "artillery",
    "artillery pieces": "artillery",
    "guns": "artillery",
    "rocket launchers": "artillery",
    "vehicles": "vehicles",
    "containers": "units",  # things, like bags and parcels: their group tells them apart
    "shipping containers": "units",
    "civilians": "civilians",
    # people by age or sex: a group of their own ("1,900 unaccompanied children")
    "children": "people",
    "women": "people",
    "boys": "people",
    "girls": "people",
    "babies": "people",
    "infants": "people",
    "minors": "people",
    "teenagers": "people",
    "teens": "people",
    "toddlers": "people",
    "newborns": "people",
    "youths": "people",
    "adolescents": "people",
    "adults": "people",
    "pensioners": "people",
    "elderly people": "people",
    "people": "people",
    "persons": "people",
    "individuals": "people",
    "locals": "people",
    "refugees": "displaced",
    # crowds: what a protest's size is a count of
    "crowd": "people",  # a protest's crowd, or fans at a match: see counted._crowd
    "crowds": "people",
    "turnout": "protesters",
    "rallygoers": "protesters",
    "strikers": "protesters",
    "number of marchers": "protesters",
    "number of protesters": "protesters",
    "number of demonstrators": "protesters",
    "number of participants": "protesters",
    # people by role (firefighters, runners and passengers are people, README "Mappings")
    "rescuers": "people",
    "rescue workers": "people",
    "emergency workers": "people",
    "volunteers": "people",
    "riot police": "people",
    "police officers": "people",
    "officers": "people",
    "policemen": "people",
    "gendarmes": "people",
    "fire crews": "people",
    "fire fighters": "people",
    "firemen": "people",
    "policewomen": "people",
    "medics": "people",
    "paramedics": "people",
    "doctors": "people",
    "nurses": "people",
    "health workers": "people",
    "journalists": "people",
    "reporters": "people",
    "participants": "people",
    "employees": "people",
    "staff": "people",
    "members": "people",
    "attendees": "people",
    "spectators": "people",
    "students": "people",
    "visitors": "people",
    "tourists": "people",
    "inhabitants": "people",
    "villagers": "people",
    "citizens": "people",
    # tolls in other words
    "lives": "killed",
    "bodies": "killed",
    "hospitalised": "injured",
    "hospitalized": "injured",
    "in hospital": "injured",
    "treated for smoke inhalation": "injured",
    "treated in hospital": "injured",
    # people treated (for burns, gunshot wounds, symptoms, after a crush) are the injured
    "treated": "injured",
    "displaced people": "displaced",
    "fled their homes": "displaced",
    "forced to flee": "displaced",
    "left homeless": "displaced",
    "in shelters": "displaced",
    "in emergency shelters": "displaced",
    "in emergency housing": "displaced",
    "in emergency accommodation": "displaced",
    "in temporary accommodation": "displaced",
    "forced from homes": "displaced",  # a headline drops the "their"
    "detainees": "arrested",
    "escapees": "people",
    "escapers": "people",
    "fugitives": "people",
    "runaways": "people",
    "absconders": "people",
    "in custody": "arrested",
    "taken into custody": "arrested",
    # areas: each unit its own kind
    "ha": "hectares",
    "hectare": "hectares",
    "acre": "acres",
    "square kilometres": "square_km",
    "square kilometers": "square_km",
    "sq km": "square_km",
    "km2": "square_km",
    "km²": "square_km",
    "square miles": "square_miles",
    # things (season tickets, shares, drones and bicycle racks are units, README "Mappings")
    "homes": "units",
    "houses": "units",
    "households": "units",
    "buildings": "units",
    "properties": "units",
    "accounts": "units",
    "customer accounts": "units",
    "records": "units",
    "patient records": "units",
    "routers": "units",
    "servers": "units",
    "devices": "units",
    "vessels": "units",
    "boats": "units",
    "yachts": "units",
    "ferries": "units",
    "trawlers": "units",
    "dinghies": "units",
    "lifeboats": "units",
    "tankers": "units",
    "barges": "units",
    "sailings": "units",
    "crossings": "units",
    "aircraft": "units",
    "planes": "units",
    "jets": "units",
    "helicopters": "units",
    "doses": "units",
    "vaccine doses": "units",
    "vials": "units",
    "bags": "units",
    "checked bags": "units",
    "suitcases": "units",
    "luggage": "units",
    "baggage": "units",
    "items of luggage": "units",
    "pieces of luggage": "units",
    "parcels": "units",
    "packages": "units",
    "departures": "units",
    "cancellations": "units",  # flights or bookings called off: "cancellations reach 208"
    "flight cancellations": "units",
    "sales": "units",  # things sold: "puts ticket sales at some 43,000"
    "gates": "units",
    "runways": "units",
    "terminals": "units",
    "carousels": "units",
    "flights": "units",
    "customers": "people",
    "holders": "people",
    "users": "people",
    "subscribers": "people",
    "clients": "people",
    "depositors": "people",
    "savers": "people",
    "investors": "people",
    "shareholders": "people",
    "policyholders": "people",
    "voters": "people",
    "viewers": "people",
    "commuters": "people",
    "travellers": "people",
    "travelers": "people",
    "drivers": "people",
    "owners": "people",
    "miners": "people",
    "crew": "people",
    "crew members": "people",
    "sailors": "people",
    "seafarers": "people",
    "fishermen": "people",
    "migrants": "people",
    "pilgrims": "people",
    "patients": "people",
    # a case of a disease is a person ill with it (README: cases and patients -> people)
    "cases": "people",
    "suspected cases": "people",
    "confirmed cases": "people",
    "infections": "people",
    "hospital admissions": "people",
    "admissions": "people",
    "outpatients": "people",
    "inpatients": "people",
    "pupils": "people",
    "teachers": "people",
    "guests": "people",
    "hostages": "people",
    "guards": "people",
    "prison guards": "people",
    "security guards": "people",
    "wardens": "people",
    "warders": "people",
    "jailers": "people",
    "prison officers": "people",
    "prison staff": "people",
    "correctional officers": "people",
    "corrections officers": "people",
    "inmates": "people",
    "convicts": "people",
    "climbers": "people",
    "hikers": "people",
    "survivors": "people",
    "ticket holders": "people",
    "account holders": "people",
    "arrivals": "people",
    # places and facilities are things counted (units), like homes
    "stops": "units",
    "tram stops": "units",
    "bus stops": "units",
    "stations": "units",
    "substations": "units",
    "schools": "units",
    "hospitals": "units",
    "clinics": "units",
    "shops": "units",
    "stores": "units",
    "branches": "units",
    "offices": "units",
    "factories": "units",
    "plants": "units",
    "bridges": "units",
    "depots": "units",
    "warehouses": "units",
    "apartments": "units",
    "flats": "units",
    "dwellings": "units",
    "farms": "units",
    "cafés": "units",
    "cafes": "units",
    "restaurants": "units",
    # a company's people, counted as one ("11% of its workforce of some 72,000")
    "workforce": "people",
    # animals are counted by head, as things (units), whatever befell them
    **dict.fromkeys(ANIMALS, "units"),
    "evacuations": "displaced",
    "from their homes": "displaced",
    "forced out": "displaced",
    "forced out of their homes": "displaced",
    # out of their homes, in the other words news uses: left, fled, driven out, unable to return
    "left their homes": "displaced",
    "leave their homes": "displaced",
    "out of their homes": "displaced",
    "driven from their homes": "displaced",
    "driven out of their homes": "displaced",
    "unable to return home": "displaced",
    "unable to return to their homes": "displaced",
    "in evacuation centres": "displaced",
    "in evacuation centers": "displaced",
    "fled": "displaced",
    "flee": "displaced",
    "fleeing": "displaced",
    # the dead, said with a verb after a bare number ("Fourteen more die of wounds")
    "die": "killed",
    "dies": "killed",
    "have died": "killed",
    # the ill of an outbreak are its cases (README: cases -> people)
    "fell ill": "people",
    # the sick of an outbreak are its cases, like the ill: "412 sick on the ship"
    "sick": "people",
    "fallen ill": "people",
    "made ill": "people",
    "taken ill": "people",
    "held hostage": "people",
    # what only people do, after a bare number: "310,000 sign up", "2,600 worked in the tower"
    "sign up": "people",
    "signed up": "people",
    "flock to": "people",
    "flocked to": "people",
    "worked in": "people",
    "worked at": "people",
    "were at work": "people",
    # people in want: "1.9 million now need food aid", "5 million facing famine"
    "need food aid": "people",
    "need aid": "people",
    "need humanitarian aid": "people",
    "facing famine": "people",
    "face food shortages": "people",
    "facing food shortages": "people",
    "face famine": "people",
    "facing starvation": "people",
    # homes and businesses cut off by a blackout are counted as supply points (README: homes
    # without power -> units): "3.8 million without power"
    "without power": "units",
    "without electricity": "units",
    "in the dark": "units",  # a blackout's idiom: "36,000 still in the dark"
    # people by what they do (OPEN_PEOPLE)
    **dict.fromkeys(OPEN_PEOPLE, "people"),
}

# People counted by their trade: a group of its own, not the people of the story ("1,200
# firefighters", "12 officers were injured"). A figure about one carries it as its scope.
SUBGROUPS: dict[str, str] = {
    "police": "police",
    "police officers": "police",
    "officers": "police",
    "policemen": "police",
    "policewomen": "police",
    "riot police": "police",
    "gendarmes": "police",
    "firefighters": "firefighters",
    "fire fighters": "firefighters",
    "firemen": "firefighters",
    "fire crews": "firefighters",
    "rescuers": "rescuers",
    "rescue workers": "rescuers",
    "emergency workers": "rescuers",
    "medics": "medics",
    "paramedics": "medics",
    "doctors": "medics",
    "nurses": "medics",
    "health workers": "medics",
    "journalists": "journalists",
    "reporters": "journalists",
    # those who keep a prison, not those kept in it
    "guards": "guards",
    "prison guards": "guards",
    "security guards": "guards",
    "wardens": "guards",
    "warders": "guards",
    "jailers": "guards",
    "prison officers": "guards",
    "prison staff": "guards",
    "correctional officers": "guards",
    "corrections officers": "guards",
}

# Things counted as units, by what they are: a figure for one is its own quantity ("7,500 bags"
# is not a figure for "420 flights", though both are units). A figure carries its group as its
# scope; units not listed here carry none.
UNIT_GROUPS: dict[str, str] = {
    **dict.fromkeys(["flights", "departures", "arrivals flights"], "flights"),
    **dict.fromkeys(["sailings", "crossings", "ferry crossings"], "sailings"),
    **dict.fromkeys(["bags", "checked bags", "suitcases", "luggage", "baggage"], "bags"),
    **dict.fromkeys(["items of luggage", "pieces of luggage", "parcels", "packages"], "bags"),
    **dict.fromkeys(["homes", "houses", "households", "dwellings", "apartments", "flats"], "homes"),
    **dict.fromkeys(["buildings", "properties"], "buildings"),
    **dict.fromkeys(["vessels", "boats", "yachts", "ferries", "ships", "trawlers"], "vessels"),
    **dict.fromkeys(["dinghies", "lifeboats", "tankers", "barges"], "vessels"),
    **dict.fromkeys(["aircraft", "planes", "jets", "helicopters"], "aircraft"),
    **dict.fromkeys(["doses", "vaccine doses", "vials"], "doses"),
    **dict.fromkeys(["accounts", "customer accounts"], "accounts"),
    **dict.fromkeys(["records", "patient records"], "records"),
    **dict.fromkeys(["devices", "routers", "servers"], "devices"),
    **dict.fromkeys(["shares"], "shares"),
    **dict.fromkeys(ANIMALS, "livestock"),
    **dict.fromkeys(["tickets", "season tickets"], "tickets"),
    **dict.fromkeys(["drones"], "drones"),
    **dict.fromkeys(["containers", "shipping containers"], "containers"),
}

# Munitions are counted as shells; a figure for missiles is not one for rockets or shells,
# so the munition is the figure's group (its scope), as a thing's group is for units.
MUNITION_GROUPS: dict[str, str] = {
    **dict.fromkeys(["missiles", "ballistic missiles", "cruise missiles"], "missiles"),
    **dict.fromkeys(["rockets", "artillery rockets"], "rockets"),
    **dict.fromkeys(["hypersonic missiles", "interceptor missiles", "interceptors"], "missiles"),
    **dict.fromkeys(["bombs", "glide bombs", "guided bombs", "cluster bombs"], "bombs"),
    **dict.fromkeys(["mortar rounds", "mortar shells", "mortar bombs"], "mortars"),
    **dict.fromkeys(["grenades"], "grenades"),
    **dict.fromkeys(["torpedoes"], "torpedoes"),
}

# Nouns for the people of a place, not a group of their own: "9,000 people" and "9,000
# residents" are one quantity; "60 passengers" or "12 miners" are their own.
GENERAL_PEOPLE: frozenset[str] = frozenset(
    {
        "people",
        "persons",
        "individuals",
        "residents",
        "inhabitants",
        "citizens",
        "villagers",
        "locals",
        "civilians",
        "crowd",
        "crowds",
    }
)

# Tolls: counted by what happened to people, and growing over time; a casualty cue after a number
# overrides a people noun ("4,000 troops killed" counts killed, not troops).
CASUALTY_KINDS: frozenset[str] = frozenset(
    {
        "killed",
        "wounded",
        "injured",
        "killed_or_wounded",
        "prisoners",
        "missing",
        "displaced",
        "arrested",
    }
)
# Verbs just before a number that say what happened to the people counted ("killed 320 people").
CASUALTY_VERBS: dict[str, str] = {
    # the people mourned or buried are dead ("mourns 19 miners")
    "mourns": "killed",
    "mourned": "killed",
    "mourning": "killed",
    "buried": "killed",
    "killed": "killed",
    "kill": "killed",
    "kills": "killed",
    "killing": "killed",
    "injured": "injured",
    "injuring": "injured",
    "injures": "injured",
    "wounded": "wounded",
    "wounding": "wounded",
    "displaced": "displaced",
    "displacing": "displaced",
    "evacuated": "displaced",
    "arrested": "arrested",
    "arrest": "arrested",
    "arrests": "arrested",
    "arresting": "arrested",
    "detained": "arrested",
    "detain": "arrested",
    "detaining": "arrested",
    "evacuate": "displaced",
    "evacuating": "displaced",
    "evacuates": "displaced",
    # the people a hospital treats are the injured ("treated 57 people", "treats 23")
    "treated": "injured",
    "treats": "injured",
    "treating": "injured",
    # an audience is people: "watched by about 3.6 million", "attended by 40,000"
    "watched by": "people",
    "attended by": "people",
    "visited by": "people",
    "hire": "jobs",  # "would hire 350 workers" counts jobs
    "hires": "jobs",
    "hiring": "jobs",
    # whoever is taken on fills a post: "had hired 1,200 temporary staff", "has taken on 240
    # seasonal staff", "will recruit 300 nurses" count jobs, whatever the noun after
    "hired": "jobs",
    "recruit": "jobs",
    "recruits": "jobs",
    "recruited": "jobs",
    "recruiting": "jobs",
    "take on": "jobs",
    "takes on": "jobs",
    "took on": "jobs",
    "taken on": "jobs",
    "taking on": "jobs",
    "laid off": "jobs",
    "lay off": "jobs",
    "laying off": "jobs",
    # "the bodies of 34 people": the people counted are dead
    "bodies of": "killed",
    "remains of": "killed",
    "deaths of": "killed",  # "verified the deaths of 14 civilians"
    # soldiers taken are prisoners ("captured two soldiers")
    "captured": "prisoners",
    "capturing": "prisoners",
    # the people a court or a prosecutor acts on are people ("Prosecutors charge 341")
    "charged": "people",
    "charge": "people",
    "charges": "people",
    "charging": "people",
    "sentenced": "people",
    "convicted": "people",
    "indicted": "people",
    "captures": "prisoners",
}
# People counted by who they are; what happened to them wins ("40 protesters were injured").
PEOPLE_KINDS: frozenset[str] = frozenset({"troops", "civilians", "people", "protesters"})
# Kinds that say what the people counted did or suffered: after a people noun they win ("4,000
# troops killed" counts killed; "40,000 people marched" counts protesters).
ROLE_KINDS: frozenset[str] = CASUALTY_KINDS | {"protesters"}
# Head nouns that name the quantity from afar: "the death toll from ... rose to 410", "the
# number of injuries linked to ... has risen to 23".
HEAD_NOUNS: frozenset[str] = frozenset({"death toll", "toll", "number of"})

# Quantities that keep growing: a later, higher figure may be an update; a lower one from another
# source is a dispute. Tolls (the "casualties" event), a burned area, a containment rate.
CUMULATIVE_EVENTS: frozenset[str] = frozenset(
    {"casualties", "suspected", "confirmed", "admitted"}  # tolls and case counts since the start
    | {"rescued", "recaptured"}  # the running count of an operation: rescued, caught so far
)
# Quantities that fall as the count goes on: the missing are found, alive or dead, so a lower
# count of them on a later day is the count moving on, not another source's alternative.
SHRINKING_KINDS: frozenset[str] = frozenset({"missing"})
CUMULATIVE_KINDS: frozenset[str] = frozenset(
    {"hectares", "acres", "square_km", "square_miles", "containment", "arrested"}
)

# Words of a source restating its own figure: "stands by its estimate" agrees, but it is not a new
# source agreeing (no corroboration).
RESTATEMENT_CUES: tuple[str, ...] = (
    "stands by",
    "stood by",
    "standing by",
    "stand by",
    "reiterated",
    "reiterates",
    "maintains its",
    "maintained its",
    "repeated its",
    "repeated his",
    "repeated her",
    "repeated their",
    "repeated that",
    "repeats its",
    "repeats his",
    "repeats her",
    "repeats their",
    "repeats that",
    "restated",
    "restates",
)

# Words that frame a figure as an update of an earlier one.
UPDATE_CUES: tuple[str, ...] = (
    "now",
    "up from",
    "rose to",
    "risen to",
    "rises to",
    "rise to",
    "increased to",
    "climbed to",
    "climbs to",
    "climbing to",
    "jumped to",
    "jumps to",
    "grew to",
    "grown to",
    "soared to",
    "surged to",
    "mounted to",
    "has grown",
    "latest estimate",
    "updated",
    "revised",
    "so far",
    "to date",
    "corrected",
    "correcting",
    "correction",
    "expanded",
)

# Words that revise a figure, whoever gives it: the old value is replaced, not contradicted
# (README rule 3: "revised from 4.2% to 4.4%", "a correction after a retraction", "more than
# analysts' earlier estimate"). Weaker words ("now", "rose to") only frame a figure as news.
REVISION_CUES: tuple[str, ...] = (
    "corrected",
    "correcting",
    "correction",
    "revised",
    "revising",
    "revises",
    "revision",
    "raised its",
    "raised their",
    "lowered its",
    "lowered their",
    "updated its",
    "updated their",
    "expanded",
    "first reported",
    "initially reported",
    "originally reported",
    "earlier estimate",
    "previous estimate",
    "earlier figure",
    "previous figure",
    "up from",
    "down from",
)

# What a percentage or an amount of money measures: phrase -> measure. Longest phrase wins.
MEASURES: dict[str, str] = {
    "inflation": "inflation",
    "inflation rate": "inflation",
    "consumer prices": "inflation",
    "prices": "inflation",
    "cpi": "inflation",
    "deficit": "deficit",
    "budget deficit": "deficit",
    "unemployment": "unemployment",
    "unemployment rate": "unemployment",
    "jobless rate": "unemployment",
    "gdp": "growth",
    "growth": "growth",
    "economy grew": "growth",
    "cost": "cost",
    "costs": "cost",
    "costing": "cost",
    "costed": "cost",
    "set aside": "cost",
    "provision": "cost",
    "fund": "fund",
    "investment fund": "fund",
    "damage": "damage",
    "damages": "damage",
    "fixed": "repairs",
    "repaired": "repairs",
    "repair rate": "repairs",
    "refund": "refunds",
    "refunds": "refunds",
    "refunded": "refunds",
    "refunding": "refunds",
    "reimburse": "refunds",
    "reimbursed": "refunds",
    "reimbursement": "refunds",
    "reimbursements": "refunds",
    "rebate": "refunds",
    "rebates": "refunds",
    "compensation": "compensation",
    "compensate": "compensation",
    "compensated": "compensation",
    "payout": "compensation",
    "payouts": "compensation",
    "fine": "fine",
    "fined": "fine",
    "penalty": "fine",
    "reset": "password_resets",
    "passwords": "password_resets",
    "trains": "services",
    "train services": "services",
    "services": "services",
    "flights": "services",
    "contained": "containment",
    "containment": "containment",
    "turnout": "turnout",
    "debt": "debt",
    "interest rate": "interest_rate",
    # money asked or given for a cause: what it is for is what it measures
    "appeal": "appeal",
    "appeals": "appeal",
    "emergency appeal": "appeal",
    "flash appeal": "appeal",
    "funding appeal": "appeal",
    "humanitarian appeal": "appeal",
    "fundraising": "appeal",
    "funding": "funding",
    "grant": "funding",
    "grants": "funding",
    "aid": "aid",
    "aid package": "aid",
    "relief": "aid",
    "donations": "donations",
    "donated": "donations",
    "donation": "donations",
    "loan": "loan",
    "loans": "loan",
    "bailout": "loan",
    "ransom": "ransom",
    "bail": "bail",
    "reward": "reward",
    "settlement": "settlement",
    "budget": "budget",
    "revenue": "revenue",
    "revenues": "revenue",
    "sales": "revenue",
    "turnover": "revenue",
    "profit": "profit",
    "profits": "profit",
    "net income": "profit",
    "loss": "loss",
    "losses": "loss",
    # the price of one thing is not the cost of an operation
    "price": "price",
    "fare": "price",
    "fares": "price",
    "ticket price": "price",
    "per ticket": "price",
    # rates of a disease
    "case-fatality rate": "fatality_rate",
    "case fatality rate": "fatality_rate",
    "fatality rate": "fatality_rate",
    "mortality rate": "fatality_rate",
    "death rate": "fatality_rate",
    "cfr": "fatality_rate",
    "attack rate": "attack_rate",
    "infection rate": "attack_rate",
    "positivity rate": "positivity_rate",
    "vaccination rate": "vaccination_rate",
    "vaccination coverage": "vaccination_rate",
    # what a share of services says of them
    "on time": "punctuality",
    "on-time": "punctuality",
    "on schedule": "punctuality",
    "back on schedule": "punctuality",
    "punctuality": "punctuality",
    "punctual": "punctuality",
    "delayed": "delays",
    "delays": "delays",
}
# Measures that say money was spent or put aside, not on what: a measure naming the purpose in
# the same window wins ("set aside £38m to cover compensation" measures compensation).
GENERIC_MEASURES: frozenset[str] = frozenset({"cost", "services"})

# The period a figure is for: phrase -> period. Month names are matched capitalised only
# ("in May", not "may send"; "March", not "the march").
MONTH_PERIODS: dict[str, str] = {
    month: month[:3].lower()
    for month in [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ]
}
PERIODS: dict[str, str] = {
    "previous month": "month_on_month",
    "month-on-month": "month_on_month",
    "month on month": "month_on_month",
    "from a month earlier": "month_on_month",
    "monthly": "month_on_month",
}

# A scope wider than the story's own place: "1.1 million marched nationwide" is not the march
# in the capital. A figure without one is about the place the story is about.
SCOPES: dict[str, str] = {
    "nationwide": "national",
    "nationally": "national",
    "countrywide": "national",
    "across the country": "national",
    "across the nation": "national",
    "around the country": "national",
    "throughout the country": "national",
    "in the whole country": "national",
}

# --- events --------------------------------------------------------------------------------

EVENTS: dict[str, str] = {
    "will send": "to_be_sent",
    "would send": "to_be_sent",
    "could send": "to_be_sent",
    "may send": "to_be_sent",
    "might send": "to_be_sent",
    "to send": "to_be_sent",
    "will deploy": "to_be_sent",
    "would deploy": "to_be_sent",
    "to deploy": "to_be_sent",
    "to dispatch": "to_be_sent",
    "will dispatch": "to_be_sent",
    "would be sent": "to_be_sent",
    "will be sent": "to_be_sent",
    "to be sent": "to_be_sent",
    "would be deployed": "to_be_sent",
    "will be deployed": "to_be_sent",
    "to be deployed": "to_be_sent",
    "plans to": "to_be_sent",
    "plan to": "to_be_sent",
    "planned": "to_be_sent",
    "plans": "to_be_sent",
    "preparing to": "to_be_sent",
    "increase": "to_be_sent",
    "more": "to_be_sent",
    "additional": "to_be_sent",
    "extra": "to_be_sent",
    "further": "to_be_sent",
    "fresh": "to_be_sent",
    "new batch": "to_be_sent",
    "sent": "sent",
    "has sent": "sent",
    "have sent": "sent",
    "had sent": "sent",
    "dispatched": "sent",
    "deployed": "sent",
    "already": "sent",
    "stationed": "sent",
    "fighting": "sent",
    "transferred": "sent",
    # reservists called up are sent; a call-up still to come is a plan (rule 6)
    "will call up": "to_be_sent",
    "would call up": "to_be_sent",
    "to call up": "to_be_sent",
    "will be called up": "to_be_sent",
    "would be called up": "to_be_sent",
    "to be called up": "to_be_sent",
    "called up": "sent",
    "pledged": "pledged",
    "promised": "pledged",
    "offered": "pledged",
    "vowed": "pledged",
    "supplied": "supplied",
    "shipped": "supplied",
    "delivered": "supplied",
    "provided": "supplied",
    "exported": "supplied",
    "transferred to": "supplied",
    "has supplied": "supplied",
    "have supplied": "supplied",
    # what befell people who are neither casualties nor sent: another quantity of them
    "rescued": "rescued",
    "saved": "rescued",
    "pulled from": "rescued",
    "pulled alive": "rescued",
    "out alive": "rescued",  # "brought nine miners out alive"
    "found alive": "rescued",
    "airlifted": "rescued",
    "trapped": "trapped",
    "stranded": "trapped",
    "cut off": "trapped",
    "on board": "aboard",
    "aboard": "aboard",
    "carrying": "aboard",
    "crammed onto": "aboard",
    "crammed into": "aboard",
    "packed onto": "aboard",
    "packed into": "aboard",
    "squeezed onto": "aboard",
    "squeezed into": "aboard",
    "crowded onto": "aboard",
    "crowded into": "aboard",
    # survivors of a wreck or a disaster are the people rescued
    "survivors": "rescued",
    "survived": "rescued",
    # a disease's cases, told apart by how sure the count is and where the patients are
    "suspected": "suspected",
    "suspected cases": "suspected",
    "probable cases": "suspected",
    "confirmed cases": "confirmed",
    "confirmed infections": "confirmed",
    "laboratory-confirmed": "confirmed",
    "lab-confirmed": "confirmed",
    "tested positive": "confirmed",
    # people who got away from custody, and those brought back: two quantities
    "escaped": "escaped",
    "escape": "escaped",
    "escapes": "escaped",
    "escaping": "escaped",
    "escaped from": "escaped",
    "broke out": "escaped",
    "broken out": "escaped",
    "breaking out": "escaped",
    "absconded": "escaped",
    "on the run": "escaped",
    "at large": "escaped",
    "recaptured": "recaptured",
    "recapture": "recaptured",
    "recaptures": "recaptured",
    "recapturing": "recaptured",
    "rearrested": "recaptured",
    "re-arrested": "recaptured",
    "caught": "recaptured",
    "back in custody": "recaptured",
    "returned to custody": "recaptured",
    "back behind bars": "recaptured",
    # what became of munitions: fired at a target, or stopped before reaching it
    "fired": "launched",
    "firing": "launched",
    "fire": "launched",  # a munition's event only (`MUNITION_EVENTS`): "the fire spread" is none
    "fires": "launched",
    "launched": "launched",
    "launching": "launched",
    "dropped": "launched",
    "dropping": "launched",
    "shot down": "downed",
    "shooting down": "downed",
    "downed": "downed",
    "intercepted": "downed",
    "intercepting": "downed",
    "neutralised": "downed",
    "neutralized": "downed",
    "admitted to": "admitted",
    "hospital admissions": "admitted",
    # people sent back out of a country: another quantity than those who came in; deported
    # (by a decision) is not pushed back (at the border, forced back across it)
    "deported": "deported",
    "deport": "deported",
    "deporting": "deported",
    "deportations": "deported",
    "deports": "deported",
    "deportation": "deported",
    "expelled": "deported",
    "expelling": "deported",
    "expel": "deported",
    "expels": "deported",
    "expulsions": "deported",
    "pushed back": "pushed_back",
    "pushback": "pushed_back",
    "push-back": "pushed_back",
    "pushbacks": "pushed_back",
    "push-backs": "pushed_back",
    "taken to hospital": "admitted",
    "in hospital": "admitted",
}

# Events only people have (rescued, trapped, aboard): a ship "carrying 3,000 shells" is not one.
PEOPLE_EVENTS: frozenset[str] = frozenset(
    {"rescued", "trapped", "aboard", "suspected", "confirmed", "admitted", "escaped"}
    | {"recaptured", "deported", "pushed_back"}
)

# Events only munitions have: "fired 38 missiles" and "shot down 31" are two quantities, but
# "fired 200 workers" or "launched a recall of 1.2 million cars" name no such event.
MUNITION_EVENTS: frozenset[str] = frozenset({"launched", "downed"})
MUNITION_SCOPES: frozenset[str] = frozenset(
    {"missiles", "rockets", "drones", "bombs", "mortars", "grenades", "torpedoes"}
)

# Events of custody: the people they befall are prisoners, whatever noun counts them.
CUSTODY_EVENTS: frozenset[str] = frozenset({"escaped", "recaptured"})

# Verbs beat modifiers: "pledged 6,000 extra personnel" is pledged, not to_be_sent.
MODIFIER_EVENTS: frozenset[str] = frozenset(
    {"more", "additional", "extra", "further", "fresh", "already", "fighting", "stationed"}
    | {"survivors", "suspected", "suspected cases", "probable cases", "confirmed cases"}
    | {"confirmed infections", "laboratory-confirmed", "lab-confirmed", "hospital admissions"}
)

# Kinds no sending verb applies to: a turnout or a burned area is not sent, pledged or supplied
# ("200,000 marched against the plan to raise the pension age" is a turnout, not a plan).
UNSENT_KINDS: frozenset[str] = frozenset(
    {"protesters", "hectares", "acres", "square_km", "square_miles"}
)

# Material kinds are "supplied" when sent ("12 million shells sent" = supplied).
MATERIAL_KINDS: frozenset[str] = frozenset(
    {"shells", "missiles", "rockets", "drones", "tanks", "artillery", "vehicles", "containers"}
)

# --- entities (actors and recipients) ------------------------------------------------------

ENTITIES: dict[str, str] = {
    "north korea": "north_korea",
    "north korean": "north_korea",
    "north koreans": "north_korea",
    "n. korea": "north_korea",
    "n korea": "north_korea",
    "pyongyang": "north_korea",
    "dprk": "north_korea",
    "kim jong un": "north_korea",
    "kim jong-un": "north_korea",
    "russia": "russia",
    "russian": "russia",
    "russians": "russia",
    "moscow": "russia",
    "kremlin": "russia",
    "putin": "russia",
    "kursk": "russia",
    "ukraine": "ukraine",
    "ukrainian": "ukraine",
    "ukrainians": "ukraine",
    "kyiv": "ukraine",
    "kiev": "ukraine",
    "zelensky": "ukraine",
    "zelenskyy": "ukraine",
    "united states": "us",
    "u.s.": "us",
    "us": "us",
    "the us": "us",
    "america": "us",
    "american": "us",
    "washington": "us",
    "south korea": "south_korea",
    "south korean": "south_korea",
    "seoul": "south_korea",
    "china": "china",
    "chinese": "china",
    "beijing": "china",
    "iran": "iran",
    "iranian": "iran",
    "tehran": "iran",
    "nato": "nato",
    "europe": "europe",
    "european": "europe",
    "israel": "israel",
    "israeli": "israel",
    "gaza": "gaza",
}

ENTITY_NAMES: dict[str, str] = {
    "north_korea": "North Korea",
    "russia": "Russia",
    "ukraine": "Ukraine",
    "us": "the US",
    "south_korea": "South Korea",
    "china": "China",
    "iran": "Iran",
    "nato": "NATO",
    "europe": "Europe",
    "israel": "Israel",
    "gaza": "Gaza",
}

RECIPIENT_PREPOSITIONS: frozenset[str] = frozenset({"to", "into", "in", "for", "inside"})
ACTOR_PREPOSITIONS: frozenset[str] = frozenset({"by", "from"})

# --- matching ------------------------------------------------------------------------------

STOPWORDS: frozenset[str] = _words(
    "a an the of to in on at for by from with and or but as is are was were be been being it "
    "its that this these those he she they them their his her we our you i has have had will "
    "would could may might can said says say told according than then there which who whom "
    "whose what when where while about into over up some also not no after before since"
)

# Words after a number that show it has no noun of its own ("the figure of 587 was too high").
FUNCTION_WORDS: frozenset[str] = STOPWORDS | _words("too far last this next yet still")

# Surface word -> canonical token for the inverted index and text scoring.
SYNONYMS: dict[str, str] = {
    "soldiers": "troops",
    "soldier": "troops",
    "troop": "troops",
    "servicemen": "troops",
    "forces": "troops",
    "pyongyang": "northkorea",
    "dprk": "northkorea",
    "moscow": "russia",
    "kremlin": "russia",
    "russian": "russia",
    "kyiv": "ukraine",
    "kiev": "ukraine",
    "ukrainian": "ukraine",
    "dispatch": "send",
    "deploy": "send",
    "sent": "send",
    "sends": "send",
    "sending": "send",
    "deployed": "send",
    "dispatched": "send",
    "additional": "more",
    "extra": "more",
    "casualties": "killed",
    "losses": "killed",
    "lost": "killed",
    "dead": "killed",
    "deaths": "killed",
    "injured": "wounded",
}

# --- stance --------------------------------------------------------------------------------

REFUTE_CUES: tuple[str, ...] = (
    "no information",
    "no evidence",
    "no confirmation",
    "no plans",
    "no such plans",
    "not true",
    "untrue",
    "false",
    "fake",
    "baseless",
    "groundless",
    "unfounded",
    "disinformation",
    "fabricated",
    "fabrication",
    "denied",
    "denies",
    "deny",
    "dismissed",
    "rejected",
    "refuted",
    "debunked",
    # the present tense of headlines and the participles of a second clause ("..., rejecting")
    "dismisses",
    "rejects",
    "refutes",
    "debunks",
    "denying",
    "dismissing",
    "rejecting",
    "refuting",
    "hoax",
    "retracted",
    "retracts",
    "retract",
    "withdrew",
    "withdrawn",
    "not confirmed",
    "could not confirm",
    "cannot confirm",
    "did not confirm",
    "has not confirmed",
    "was wrong",
    "were wrong",
    "is wrong",
    "are wrong",
    "incorrect",
    "a fantasy",
    "made up",
    "misinformation",
    # what a denial calls the report: a lie, an invention, slander, a rumour, nonsense
    "a lie",
    "are lies",
    "were lies",
    "all lies",
    "outright lies",
    "invented",
    "invention",
    "slander",
    "slanderous",
    "a rumour",
    "a rumor",
    "nonsense",
    "no truth",
    "no basis",
    "categorically",
)

DISPUTE_CUES: tuple[str, ...] = (
    "doubt",
    "doubts",
    "doubted",
    "sceptical",
    "skeptical",
    "unlikely",
    "questioned",
    "exaggerated",
    "overstated",
    "inflated",
    "instead",
    "rather than",
    "contrary to",
    "lower than",
    "higher than",
    "disputed",
    "disputes",
    "challenged",
    "too high",
    "too low",
    "understates",
    "understated",
    "overstates",
    "understate",  # "the official figures understate the toll" (not "to understate", stance.py)
    "overstate",
    "exaggerate",
    "underreport",
    "under-report",
    "underestimate",
    "underestimates",
    "a stretch",
    "looked high",
    "looks high",
    "seemed high",
    "seems high",
    "looked low",
    "looks low",
    "seemed low",
    "seems low",
    "more likely",
    "above the official",
    "below the official",
    "than the official",
    "exceeds the official",
    "its own count",
    "their own count",
    "its own estimate",
    "their own estimate",
    "own tally",
    "called into question",
    "calls into question",
    "cast doubt",
    "casts doubt",
    "questions the",
    "overestimate",
    "overestimates",
    "underestimated",
    "overestimated",
    "underestimating",
    "overestimating",
    "understating",
    "overstating",
    "exaggerating",
    "exaggerates",
    "exaggeration",
    "inflating",
    "undercount",
    "undercounts",
    "undercounted",
    "undercounting",
    "overcount",
    "overcounts",
    "overcounted",
    "overcounting",
    "underreported",
    "under-reported",
    "underreporting",
    "under-reporting",
    "played down",
    "playing down",
    "downplayed",
    "downplaying",
)

# Phrases that take no side, though they hold a refuting word: "did not confirm or deny".
NON_COMMITTAL: tuple[str, ...] = (
    "confirm or deny",
    "confirmed or denied",
    "confirm nor deny",
    "confirmed nor denied",
    "neither confirmed nor denied",
    "neither confirm nor deny",
)

# Words that cancel a following cue: "did not deny" is not a denial.
NEGATORS: tuple[str, ...] = (
    "not",
    "n't",
    "never",
    "neither",
    "nor",
    "declined to",
    "refused to",
    "would not",
    "no longer",
    "without",
    "nobody",
    "no one",
)

# Cues that are themselves negative: a negator before them does not flip them into support.
SELF_NEGATIVE_PREFIXES: tuple[str, ...] = ("no ", "not ", "un", "could not", "cannot", "did not")
