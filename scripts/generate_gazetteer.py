"""Generate graph/extract/data/gazetteer.json, the extractor's list of known actors and titles.

Run from the repository root (needs ../shared/vocab and pycountry):

    .venv/bin/python scripts/generate_gazetteer.py [--vocab ../shared/vocab] [--out graph/extract/data/gazetteer.json]

Sources, facts only:
  * ISO 3166-1 (pycountry): codes and official/common names of states.
  * ../shared/vocab/cameo_actor_codes.json (PETRARCH-2 Phoenix dictionaries, MIT): country name
    patterns (names and demonyms) and the CAMEO codes of international organisations.
  * scripts/data/armed_groups.yaml: armed groups of recent news the Phoenix dictionaries (2014) lack.
  * The tables below: capitals (used as metonyms: "Washington said"), demonyms missing from the
    dictionaries, international organisations, government agencies with their state, generic
    state bodies ("the Colombian cabinet"), titles with their role concepts, places and regions,
    kinship nouns, and news outlets. The product reads only the generated JSON at run time.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

import pycountry
import yaml

ROOT = Path(__file__).resolve().parents[1]
ARMED_GROUPS = ROOT / "scripts" / "data" / "armed_groups.yaml"

# Capitals (and seats of government) used as metonyms for the state's government.
CAPITALS = {
    "AFG": ["Kabul"],
    "ALB": ["Tirana"],
    "DZA": ["Algiers"],
    "AGO": ["Luanda"],
    "ARG": ["Buenos Aires"],
    "ARM": ["Yerevan"],
    "AUS": ["Canberra"],
    "AUT": ["Vienna"],
    "AZE": ["Baku"],
    "BHR": ["Manama"],
    "BGD": ["Dhaka"],
    "BLR": ["Minsk"],
    "BEL": ["Brussels"],
    "BOL": ["La Paz", "Sucre"],
    "BIH": ["Sarajevo"],
    "BRA": ["Brasilia", "Brasília"],
    "BGR": ["Sofia"],
    "KHM": ["Phnom Penh"],
    "CMR": ["Yaounde"],
    "CAN": ["Ottawa"],
    "TCD": ["N'Djamena"],
    "CHL": ["Santiago"],
    "CHN": ["Beijing", "Peking"],
    "COL": ["Bogota", "Bogotá"],
    "COD": ["Kinshasa"],
    "CRI": ["San Jose"],
    "HRV": ["Zagreb"],
    "CUB": ["Havana"],
    "CYP": ["Nicosia"],
    "CZE": ["Prague"],
    "DNK": ["Copenhagen"],
    "DOM": ["Santo Domingo"],
    "ECU": ["Quito"],
    "EGY": ["Cairo"],
    "SLV": ["San Salvador"],
    "ERI": ["Asmara"],
    "EST": ["Tallinn"],
    "ETH": ["Addis Ababa"],
    "FIN": ["Helsinki"],
    "FRA": ["Paris"],
    "GEO": ["Tbilisi"],
    "DEU": ["Berlin"],
    "GHA": ["Accra"],
    "GRC": ["Athens"],
    "GTM": ["Guatemala City"],
    "HTI": ["Port-au-Prince"],
    "HND": ["Tegucigalpa"],
    "HUN": ["Budapest"],
    "ISL": ["Reykjavik"],
    "IND": ["New Delhi"],
    "IDN": ["Jakarta"],
    "IRN": ["Tehran", "Teheran"],
    "IRQ": ["Baghdad"],
    "IRL": ["Dublin"],
    "ISR": ["Jerusalem"],
    "ITA": ["Rome"],
    "JPN": ["Tokyo"],
    "JOR": ["Amman"],
    "KAZ": ["Astana"],
    "KEN": ["Nairobi"],
    "PRK": ["Pyongyang"],
    "KOR": ["Seoul"],
    "KWT": ["Kuwait City"],
    "KGZ": ["Bishkek"],
    "LAO": ["Vientiane"],
    "LVA": ["Riga"],
    "LBN": ["Beirut"],
    "LBR": ["Monrovia"],
    "LBY": ["Tripoli"],
    "LTU": ["Vilnius"],
    "MKD": ["Skopje"],
    "MYS": ["Kuala Lumpur"],
    "MLI": ["Bamako"],
    "MEX": ["Mexico City"],
    "MDA": ["Chisinau"],
    "MNG": ["Ulaanbaatar"],
    "MNE": ["Podgorica"],
    "MAR": ["Rabat"],
    "MOZ": ["Maputo"],
    "MMR": ["Naypyidaw", "Rangoon", "Yangon"],
    "NPL": ["Kathmandu"],
    "NLD": ["The Hague", "Amsterdam"],
    "NZL": ["Wellington"],
    "NIC": ["Managua"],
    "NER": ["Niamey"],
    "NGA": ["Abuja"],
    "NOR": ["Oslo"],
    "OMN": ["Muscat"],
    "PAK": ["Islamabad"],
    "PAN": ["Panama City"],
    "PRY": ["Asuncion"],
    "PER": ["Lima"],
    "PHL": ["Manila"],
    "POL": ["Warsaw"],
    "PRT": ["Lisbon"],
    "QAT": ["Doha"],
    "ROU": ["Bucharest"],
    "RUS": ["Moscow"],
    "RWA": ["Kigali"],
    "SAU": ["Riyadh"],
    "SEN": ["Dakar"],
    "SRB": ["Belgrade"],
    "SLE": ["Freetown"],
    "SGP": ["Singapore"],
    "SVK": ["Bratislava"],
    "SVN": ["Ljubljana"],
    "SOM": ["Mogadishu"],
    "ZAF": ["Pretoria"],
    "SSD": ["Juba"],
    "ESP": ["Madrid"],
    "LKA": ["Colombo"],
    "SDN": ["Khartoum"],
    "SWE": ["Stockholm"],
    "CHE": ["Bern"],
    "SYR": ["Damascus"],
    "TWN": ["Taipei"],
    "TJK": ["Dushanbe"],
    "TZA": ["Dodoma"],
    "THA": ["Bangkok"],
    "TUN": ["Tunis"],
    "TUR": ["Ankara"],
    "TKM": ["Ashgabat"],
    "UGA": ["Kampala"],
    "UKR": ["Kyiv", "Kiev"],
    "ARE": ["Abu Dhabi"],
    "GBR": ["London"],
    "USA": ["Washington"],
    "URY": ["Montevideo"],
    "UZB": ["Tashkent"],
    "VEN": ["Caracas"],
    "VNM": ["Hanoi"],
    "YEM": ["Sanaa"],
    "ZMB": ["Lusaka"],
    "ZWE": ["Harare"],
    "PSE": ["Ramallah"],
    "CIV": ["Abidjan", "Yamoussoukro"],
}

# Short names and demonyms the dictionaries lack or spell differently.
EXTRA_NAMES = {
    "USA": ["U.S.", "US", "USA", "U.S.A.", "United States", "America", "the United States"],
    "VCT": ["St Vincent and the Grenadines", "St. Vincent and the Grenadines"],
    "KNA": ["St Kitts and Nevis", "St. Kitts and Nevis"],
    "LCA": ["St Lucia", "St. Lucia"],
    "GBR": [
        "UK",
        "U.K.",
        "Britain",
        "Great Britain",
        "United Kingdom",
        "England",
        "Scotland",
        "Wales",
        "Northern Ireland",
        "British",
    ],
    "RUS": ["Russia"],
    "KOR": ["South Korea"],
    "PRK": ["North Korea"],
    "IRN": ["Iran", "the Islamic Republic"],  # "the Islamic Republic" alone is Iran in English news
    "SYR": ["Syria"],
    "VEN": ["Venezuela"],
    "BOL": ["Bolivia"],
    "TWN": ["Taiwan"],
    "VNM": ["Vietnam"],
    "MDA": ["Moldova"],
    "TZA": ["Tanzania"],
    "CZE": ["Czechia", "Czech Republic"],
    "COD": ["DR Congo", "DRC"],
    "PSE": ["Palestine", "Palestinian Territories", "Gaza", "Gaza Strip", "West Bank"],
    "ARE": ["UAE", "United Arab Emirates", "Emirati"],
    "CIV": ["Ivory Coast", "Cote d'Ivoire", "Ivorian"],
    "NLD": ["Netherlands", "Holland", "Dutch"],
    "CHE": ["Switzerland", "Swiss"],
    "TUR": ["Turkey", "Turkiye", "Turkish"],
    "PHL": ["Philippines", "Filipino", "Philippine"],
    "DEU": ["Germany", "German"],
    "FRA": ["France", "French"],
    "ESP": ["Spain", "Spanish"],
    "CHN": ["China", "Chinese"],
    "JPN": ["Japan", "Japanese"],
    "ISR": ["Israel", "Israeli"],
    "GRC": ["Greece", "Greek"],
    "DNK": ["Denmark", "Danish"],
    "SWE": ["Sweden", "Swedish"],
    "FIN": ["Finland", "Finnish"],
    "POL": ["Poland", "Polish"],
    "IRL": ["Ireland", "Irish"],
    "PRT": ["Portugal", "Portuguese"],
    "THA": ["Thailand", "Thai"],
    "PAK": ["Pakistan", "Pakistani"],
    "BGD": ["Bangladesh", "Bangladeshi"],
    "YEM": ["Yemen", "Yemeni"],
    "IRQ": ["Iraq", "Iraqi"],
    "AFG": ["Afghanistan", "Afghan"],
    "SAU": ["Saudi Arabia", "Saudi"],
    "KWT": ["Kuwait", "Kuwaiti"],
    "QAT": ["Qatar", "Qatari"],
    "OMN": ["Oman", "Omani"],
    "BHR": ["Bahrain"],
    "NZL": ["New Zealand", "New Zealander"],
    "SRB": ["Serbia", "Serbian", "Serb"],
    "HRV": ["Croatia", "Croatian", "Croat"],
    "BIH": ["Bosnia", "Bosnian"],
    "SVN": ["Slovenia", "Slovenian"],
    "SVK": ["Slovakia", "Slovak"],
    "MMR": ["Myanmar", "Burma", "Burmese"],
    "LKA": ["Sri Lanka", "Sri Lankan"],
    "TLS": ["Timor-Leste", "East Timor", "East Timorese", "Timorese"],
    "KAZ": ["Kazakhstan", "Kazakh"],
    "NPL": ["Nepal", "Nepali"],
    "SGP": ["Singapore", "Singaporean"],
    "LAO": ["Laos", "Laotian", "Lao"],
    "DJI": ["Djibouti", "Djiboutian"],
    "ISL": ["Iceland", "Icelandic"],
    # demonyms the dictionaries lack (checked against a list of the UN members' demonyms)
    "MDV": ["Maldives", "Maldivian"],
    "MDG": ["Madagascar", "Malagasy"],
    "AZE": ["Azerbaijan", "Azerbaijani", "Azeri"],
    "BWA": ["Botswana", "Botswanan"],
    "SWZ": ["Eswatini", "Swaziland", "Swazi"],
    "COM": ["Comoros", "Comorian"],
    "WSM": ["Samoa", "Samoan"],
    "CPV": ["Cape Verde", "Cabo Verde", "Cape Verdean"],
    "PNG": ["Papua New Guinea", "Papua New Guinean"],
    "MCO": ["Monaco", "Monegasque"],
    "SMR": ["San Marino", "Sammarinese"],
    "LUX": ["Luxembourg", "Luxembourgish"],
    "ATG": ["Antigua and Barbuda", "Antiguan"],
}
ACRONYMS = {"USA", "US", "UK", "UAE", "DRC", "PRC", "DPRK", "ROK", "KSA", "RSA"}
DEMONYM_SUFFIX = re.compile(r"(an|ian|ean|ese|ish|i|ic|ot|ch|er|ine|iote|ene|ard|ois|ais|eno|ena)s?$", re.IGNORECASE)
SKIP_PATTERN = re.compile(
    r"SOVIET|SFSR|\(|REPUBLIC OF|KINGDOM OF|FEDERATION OF|STATE OF|DEMOCRATIC|PEOPLE'S|"
    r"^THE |SOCIALIST|ISLAMIC REPUBLIC|ARAB REPUBLIC|FEDERAL|COMMONWEALTH"
)

# International organisations: name, aliases, CAMEO actor code (IGO... / NGO...); None where the Phoenix
# dictionaries list no code of its own (a bare "IGO" or region code would be the prefix that
# scripts/generate_people.py files every other organisation's officials under).
# bodies of an organisation: "the EU Council imposed sanctions" and "the EU imposed sanctions" tell one act
# (not the UN's organs: "the UN" of news is mostly its Secretariat, whose acts are not the Security Council's)
IGO_PARENTS = {
    "European Commission": "European Union",
    "European Parliament": "European Union",
    "European Council": "European Union",
    "Council of the European Union": "European Union",
    "European Central Bank": "European Union",
    "Europol": "European Union",
    "Frontex": "European Union",
}
IGOS = [
    ("United Nations", ["UN", "U.N.", "the United Nations", "United Nations Organization"], "IGOUNO"),
    ("UN Security Council", ["Security Council", "U.N. Security Council", "UNSC"], "IGOUNO"),
    ("UN General Assembly", ["General Assembly", "U.N. General Assembly"], "IGOUNO"),
    ("European Union", ["EU", "E.U."], "IGOEUREEC"),
    ("European Commission", [], "IGOEUREEC"),
    ("European Community", ["EC", "European Economic Community", "EEC", "European common market"], "IGOEUREEC"),
    ("North Atlantic Treaty Organization", ["NATO", "Nato"], "IGOWSTNAT"),
    ("African Union", ["AU"], "IGOAFRAFU"),
    ("Arab League", ["League of Arab States"], "IGOMEAARL"),
    ("Organization of American States", ["OAS"], "IGOOAS"),
    ("Association of Southeast Asian Nations", ["ASEAN"], "IGOSEAASN"),
    ("International Atomic Energy Agency", ["IAEA"], "IGOUNOIAE"),
    ("World Health Organization", ["WHO"], "IGOUNOHLHWHO"),
    ("International Monetary Fund", ["IMF"], "IGOBUSIMF"),
    ("World Bank", [], "IGOUNODEVWBK"),
    ("World Trade Organization", ["WTO"], "IGOBUSWTO"),
    ("Organization of the Petroleum Exporting Countries", ["OPEC"], "IGOOPC"),
    ("UN High Commissioner for Refugees", ["UNHCR", "UN refugee agency"], "IGOUNOREFHCR"),
    ("World Food Programme", ["WFP", "World Food Program"], "IGOUNOWFP"),
    ("UNICEF", [], "IGOUNOKID"),
    ("International Criminal Court", ["ICC"], "IGOJUDICC"),
    ("International Court of Justice", ["ICJ", "World Court"], "IGOUNOJUD"),
    ("Organization for Security and Co-operation in Europe", ["OSCE"], "IGOEUROSC"),
    ("Interpol", ["INTERPOL"], "IGOCOPITP"),
    ("Gulf Cooperation Council", ["GCC"], "IGOMEAGCC"),
    ("Economic Community of West African States", ["ECOWAS"], "IGOWAFBUSWAS"),
    ("Group of Seven", ["G7", "G-7"], "IGOGOS"),
    ("Group of 20", ["G20", "G-20"], "IGOBUSGOE"),
    ("Mercosur", [], "IGOSAMMRC"),
    # UN bodies, agencies and missions (codes from the Phoenix dictionaries where they list the body)
    (
        "International Labour Organization",
        ["ILO", "International Labor Organization", "International Labor Office", "International Labour Office"],
        "IGOUNOLABILO",
    ),
    ("UNESCO", ["United Nations Educational, Scientific and Cultural Organization"], "IGOUNODEV"),
    ("UN Development Programme", ["UNDP", "United Nations Development Programme"], "IGOUNODEV"),
    ("Food and Agriculture Organization", ["FAO", "UN Food and Agriculture Organization"], "IGOUNOAGRFAO"),
    ("UN Relief and Works Agency", ["UNRWA", "United Nations Relief and Works Agency"], "IGOUNOREF"),
    ("UN Human Rights Council", ["Human Rights Council", "United Nations Human Rights Council", "UNHRC"], "IGOUNOHRI"),
    (
        "Office of the UN High Commissioner for Human Rights",
        ["OHCHR", "UN human rights office", "UN High Commissioner for Human Rights"],
        "IGOUNOHRIHCH",
    ),
    ("International Organization for Migration", ["IOM"], "IGOUNOREF"),
    ("UN Environment Programme", ["UNEP", "United Nations Environment Programme"], "IGOUNOENV"),
    (
        "Organisation for the Prohibition of Chemical Weapons",
        ["OPCW", "Organization for the Prohibition of Chemical Weapons"],
        "IGOUNO",
    ),
    ("UN Interim Force in Lebanon", ["UNIFIL"], "IGOUNO"),
    ("MONUSCO", ["UN Organization Stabilization Mission in the Democratic Republic of the Congo"], "IGOUNO"),
    # regional and other intergovernmental organisations
    (
        "Organisation of Islamic Cooperation",
        ["OIC", "Organization of Islamic Cooperation", "Organization of the Islamic Conference"],
        "IGOMOSOIC",
    ),
    ("Shanghai Cooperation Organisation", ["SCO", "Shanghai Cooperation Organization"], "IGOCAS"),
    ("Asia-Pacific Economic Cooperation", ["APEC"], None),
    ("Caribbean Community", ["CARICOM"], None),
    ("Southern African Development Community", ["SADC"], "IGOSAFDEVSAD"),
    ("Intergovernmental Authority on Development", ["IGAD"], "IGODEVIAD"),
    ("East African Community", ["EAC"], "IGOEAFEAC"),
    ("Economic Community of Central African States", ["ECCAS"], "IGOCAFECA"),
    ("Commonwealth of Independent States", ["CIS"], "IGOCASCIS"),
    ("Commonwealth of Nations", ["the Commonwealth"], None),
    ("Council of Europe", [], "IGOEURCOE"),
    ("European Parliament", [], "IGOEUREEC"),
    ("European Council", [], "IGOEUREEC"),
    ("Council of the European Union", ["EU Council"], "IGOEUREEC"),
    ("European Central Bank", ["ECB"], "IGOEUREEC"),
    ("Europol", [], "IGOEUREEC"),
    ("Frontex", [], "IGOEUREEC"),
    ("BRICS", [], None),
    ("Community of Latin American and Caribbean States", ["CELAC"], None),
    ("Union of South American Nations", ["UNASUR"], None),
    ("Andean Community", [], None),
    ("Pacific Islands Forum", [], None),
    ("Non-Aligned Movement", ["NAM"], None),
    ("Alliance of Sahel States", ["Sahel alliance"], None),
    (
        "Organisation for Economic Co-operation and Development",
        ["OECD", "Organization for Economic Cooperation and Development"],
        None,
    ),
    ("International Energy Agency", ["IEA"], "IGOUNOAIE"),
    ("Eurasian Economic Union", ["EAEU"], "IGOCAS"),
    ("Collective Security Treaty Organization", ["CSTO"], "IGOCAS"),
]
NGOS = [
    ("International Committee of the Red Cross", ["ICRC", "Red Cross"], "NGOHLHIRC"),
    ("Amnesty International", ["Amnesty"], "NGOHRIAMN"),
    ("Human Rights Watch", ["HRW"], "NGOHRI"),
    ("Doctors Without Borders", ["MSF", "Medecins Sans Frontieres"], "NGOHLH"),
    ("Oxfam", ["Oxfam International"], "NGOXFM"),
    ("Save the Children", [], "NGO"),
    ("Transparency International", [], "NGODEV"),
    ("Greenpeace", [], "NGOENV"),
    ("Reporters Without Borders", ["RSF", "Reporters Sans Frontieres"], "NGOHRIMED"),
    ("Committee to Protect Journalists", ["CPJ"], "NGOHRIMED"),
    ("International Crisis Group", ["Crisis Group"], "NGOICG"),
    ("International Rescue Committee", [], "NGO"),
    ("Norwegian Refugee Council", [], "NGONORREF"),
    ("Freedom House", [], "NGOHRI"),
    ("Syrian Observatory for Human Rights", ["SOHR"], "NGOHRI"),
]
MEDIA = [
    "Reuters",
    "Associated Press",
    "AP",
    "AFP",
    "Agence France-Presse",
    "BBC",
    "CNN",
    "Al Jazeera",
    "Xinhua",
    "TASS",
    "Interfax",
    "IRNA",
    "The New York Times",
    "New York Times",
    "The Washington Post",
    "Washington Post",
    "The Wall Street Journal",
    "Fox News",
    "Bloomberg",
    "The Guardian",
]

# Government agencies with their state: canonical name, aliases, state, parent agency (or None).
AGENCIES = [
    ("Drug Enforcement Administration", ["DEA"], "USA", None),
    ("Global Affairs Canada", ["GAC"], "CAN", None),
    ("Royal Canadian Mounted Police", ["RCMP", "Mounties"], "CAN", None),
    ("Ministry of External Affairs", ["MEA", "India's Ministry of External Affairs"], "IND", None),
    (
        "Department of State",
        [
            "State Department",
            "U.S. State Department",
            "US State Department",
            "U.S. Department of State",
            "Foggy Bottom",
        ],
        "USA",
        None,
    ),
    (
        "Department of the Treasury",
        ["Treasury", "Treasury Department", "U.S. Treasury", "US Treasury", "Treasury Department's"],
        "USA",
        None,
    ),
    ("Office of Foreign Assets Control", ["OFAC"], "USA", "Department of the Treasury"),
    (
        "Department of Defense",
        ["Pentagon", "the Pentagon", "Defense Department", "Department of War", "War Department"],
        "USA",
        None,
    ),
    ("Department of Justice", ["Justice Department", "DOJ"], "USA", None),
    ("Department of Homeland Security", ["Homeland Security", "DHS"], "USA", None),
    ("Central Intelligence Agency", ["CIA"], "USA", None),
    ("Federal Bureau of Investigation", ["FBI"], "USA", None),
    ("Department of Commerce", ["Commerce Department"], "USA", None),
    ("National Security Council", ["NSC"], "USA", None),
    ("United States Congress", ["U.S. Congress", "US Congress"], "USA", None),
    ("United States Senate", ["U.S. Senate", "US Senate"], "USA", None),
    ("United States Southern Command", ["Southern Command", "SOUTHCOM"], "USA", "Department of Defense"),
    ("Kremlin", ["the Kremlin"], "RUS", None),
    ("Federal Security Service", ["FSB"], "RUS", None),
    ("Foreign, Commonwealth and Development Office", ["Foreign Office", "FCDO"], "GBR", None),
    ("Mossad", [], "ISR", None),
    ("Israel Defense Forces", ["IDF"], "ISR", None),
    ("People's Liberation Army", ["PLA"], "CHN", None),
    ("Islamic Revolutionary Guard Corps", ["IRGC", "Revolutionary Guards", "Revolutionary Guard"], "IRN", None),
    ("Elysee", ["Elysee Palace", "Élysée"], "FRA", None),
    ("Casa de Nariño", ["Casa de Narino"], "COL", None),
    ("Miraflores", ["Miraflores Palace"], "VEN", None),
]

# Generic bodies of a state, named with the state ("Colombia's cabinet", "the Iraqi foreign ministry").
# "government" and "administration" stand for the state itself (value null).
BODIES = {
    "Cabinet": ["cabinet"],
    "Coast Guard": ["coast guard", "Coast Guard", "coastguard", "Coastguard"],
    "Ministry of Foreign Affairs": [
        "foreign ministry",
        "ministry of foreign affairs",
        "foreign affairs ministry",
        "Foreign Ministry",
        "Ministry of Foreign Affairs",
        "Foreign Affairs Ministry",
    ],
    "Ministry of Defence": [
        "defense ministry",
        "defence ministry",
        "ministry of defense",
        "ministry of defence",
        "Defense Ministry",
        "Defence Ministry",
        "Ministry of Defense",
        "Ministry of Defence",
    ],
    "Ministry of the Interior": ["interior ministry", "Interior Ministry", "Ministry of the Interior", "home ministry"],
    "Ministry of Finance": ["finance ministry", "Finance Ministry", "Ministry of Finance", "ministry of finance"],
    "Armed Forces": [
        "army",
        "military",
        "armed forces",
        "Army",
        "Armed Forces",
        "navy",
        "Navy",
        "air force",
        "Air Force",
        "troops",
        "soldiers",
        "soldier",
        "forces",
        "security forces",
        "tanks",
        "warplanes",
        "fighter jets",
        "jets",
        "warships",
        "gunboats",
        "helicopters",
        "helicopter gunships",
        "artillery",
        "paratroopers",
        "commandos",
        "special forces",
        "border guards",
    ],
    "Police": ["police", "Police", "police force"],
    "Parliament": [
        "parliament",
        "Parliament",
        "Congress",
        "congress",
        "National Assembly",
        "legislature",
        "Senate",
        "lawmakers",
    ],
    "Central Bank": ["central bank", "Central Bank"],
    "Supreme Court": ["supreme court", "Supreme Court", "court", "courts"],
    "Embassy": ["embassy", "Embassy"],
    "Presidency": ["presidency", "Presidency", "presidential office", "president's office"],
}
STATE_ITSELF = ["government", "Government", "administration", "authorities", "regime", "officials"]

# Titles: lower-case forms -> canonical title, role concepts (ontology/schemes/role.ttl), person kind.
TITLES = [
    ("president", ["president", "presidents"], ["president", "headOfState"]),
    ("vice president", ["vice president", "vice-president", "vice president-elect"], ["vicePresident"]),
    ("prime minister", ["prime minister", "premier", "pm"], ["primeMinister", "headOfGovernment"]),
    ("chancellor", ["chancellor"], ["headOfGovernment"]),
    ("king", ["king"], ["headOfState"]),
    ("queen", ["queen"], ["headOfState"]),
    ("emir", ["emir", "amir"], ["headOfState"]),
    ("sultan", ["sultan"], ["headOfState"]),
    ("crown prince", ["crown prince"], ["leader"]),
    ("supreme leader", ["supreme leader"], ["headOfState", "leader"]),
    (
        "foreign minister",
        [
            "foreign minister",
            "minister of foreign affairs",
            "foreign secretary",
            "foreign affairs minister",
            "minister for foreign affairs",
        ],
        ["foreignMinister", "minister"],
    ),
    ("secretary of state", ["secretary of state"], ["secretaryOfState", "foreignMinister"]),
    (
        "defense minister",
        [
            "defense minister",
            "defence minister",
            "minister of defense",
            "minister of defence",
            "defense secretary",
            "defence secretary",
            "secretary of defense",
            "secretary of war",
            "war secretary",
        ],
        ["minister"],
    ),
    (
        "interior minister",
        ["interior minister", "minister of the interior", "home minister", "home secretary"],
        ["minister"],
    ),
    (
        "finance minister",
        [
            "finance minister",
            "minister of finance",
            "treasury secretary",
            "secretary of the treasury",
            "chancellor of the exchequer",
        ],
        ["minister"],
    ),
    ("minister", ["minister", "deputy minister", "secretary", "deputy secretary", "undersecretary"], ["minister"]),
    ("ambassador", ["ambassador", "envoy to the united nations"], ["ambassador"]),
    # heads of a mission between Commonwealth states, and the diplomat in charge when there is no ambassador
    (
        "high commissioner",
        ["high commissioner", "acting high commissioner", "deputy high commissioner"],
        ["ambassador"],
    ),
    (
        "chargé d'affaires",
        ["chargé d'affaires", "charge d'affaires", "chargé d’affaires", "charge d’affaires"],
        ["ambassador"],
    ),
    ("consul", ["consul", "consul general", "consul-general"], ["ambassador"]),
    ("envoy", ["envoy", "special envoy", "mediator", "negotiator", "chief negotiator"], ["envoy"]),
    ("spokesperson", ["spokesperson", "spokesman", "spokeswoman"], ["spokesperson"]),
    ("senator", ["senator", "sen."], ["senator"]),
    ("governor", ["governor", "gov."], ["governor"]),
    ("mayor", ["mayor"], ["mayor"]),
    (
        "general",
        ["general", "gen.", "commander", "army chief", "chief of staff", "admiral", "field marshal"],
        ["militaryCommander"],
    ),
    (
        "secretary-general",
        ["secretary-general", "secretary general", "director-general", "director general", "director"],
        ["director"],
    ),
    ("leader", ["leader", "head of state", "strongman", "dictator", "ruler", "chief"], ["leader"]),
    (
        "national security adviser",
        ["national security adviser", "national security advisor", "security advisor", "security adviser"],
        ["minister"],
    ),
]

PLACES = [
    ("White House", "USA"),
    ("Capitol", "USA"),
    ("Downing Street", "GBR"),
    ("Mar-a-Lago", "USA"),
    ("Oval Office", "USA"),
    ("Camp David", "USA"),
    ("Red Square", "RUS"),
    ("Blue House", "KOR"),
    ("Golan Heights", None),
    ("Strait of Hormuz", None),
    ("West Bank", "PSE"),
    ("Gaza Strip", "PSE"),
    ("Gaza", "PSE"),
    ("Darfur", "SDN"),
    ("Crimea", None),
    ("Kashmir", None),
    ("Donbas", "UKR"),
]
REGIONS = [
    "Latin America",
    "South America",
    "Central America",
    "North America",
    "Middle East",
    "Europe",
    "Western Europe",
    "Eastern Europe",
    "Africa",
    "West Africa",
    "East Africa",
    "North Africa",
    "Sub-Saharan Africa",
    "Asia",
    "Southeast Asia",
    "South Asia",
    "Central Asia",
    "East Asia",
    "Caribbean",
    "Balkans",
    "Gulf",
    "Persian Gulf",
    "Pacific",
    "Indo-Pacific",
    "Arctic",
    "Sahel",
    "Horn of Africa",
    "Caucasus",
    "Andes",
    "Western Hemisphere",
    "Scandinavia",
    "Baltics",
    "Levant",
]
KINSHIP = {
    "wife": "spouse",
    "husband": "spouse",
    "spouse": "spouse",
    "first lady": "spouse",
    "son": "child",
    "daughter": "child",
    "child": "child",
    "children": "child",
    "sons": "child",
    "daughters": "child",
    "father": "parent",
    "mother": "parent",
    "parents": "parent",
    "brother": "sibling",
    "sister": "sibling",
    "siblings": "sibling",
    "brothers": "sibling",
    "sisters": "sibling",
    "relative": "relative",
    "relatives": "relative",
    "family": "relative",
    "cousin": "relative",
    "nephew": "relative",
    "niece": "relative",
    "uncle": "relative",
    "aunt": "relative",
    "brother-in-law": "relative",
    "sister-in-law": "relative",
    "son-in-law": "relative",
    "family members": "relative",
}


def _misspelling(raw: str, names: set[str]) -> bool:
    """A dictionary variant that is a misspelling of a canonical name ("QUATAR", "AFGANISTAN")."""
    from difflib import SequenceMatcher

    if raw.upper() in ("MALE", "GURNS") or not raw[:1].isalpha():
        return False
    return " " not in raw and any(
        SequenceMatcher(None, raw.upper(), n.upper()).ratio() >= 0.8 for n in names if " " not in n
    )


def _al_variants(name: str) -> list[str]:
    """Arabic article spellings of one name: "Al Qaeda" -> "Al-Qaeda", "al-Qaeda", "al Qaeda"."""
    m = re.match(r"^(?:AL|Al|al)[- ](\w.*)$", name)
    if not m:
        return []
    rest = m[1]
    return [v for v in (f"Al {rest}", f"Al-{rest}", f"al-{rest}", f"al {rest}") if v != name]


def _case(pattern: str) -> str:
    words = []
    for w in pattern.split():
        if "." in w or w in ACRONYMS or (len(w) <= 3 and w.isalpha() and w.isupper() and w not in ("OF", "AND", "THE")):
            words.append(w)
        elif w in ("OF", "AND", "THE", "DE", "DEL", "LA"):
            words.append(w.lower())
        else:
            words.append("-".join(p[:1].upper() + p[1:].lower() for p in w.split("-")))
    return " ".join(words)


def _drop_words_of_other_names(out: dict[str, dict[str, object]]) -> None:
    """A one-word name or demonym of one state that ends another state's compound name ("X and the Y") and is
    no word of its own ("Grenadines" for Grenada: Saint Vincent and the Grenadines) reads as the wrong
    state: left out."""
    words: dict[str, set[str]] = {}
    for iso3, entry in out.items():
        for n in entry["names"]:  # type: ignore[attr-defined]
            if " and " in n and "," not in n:  # the last part of a compound name: "... and the Grenadines"
                words.setdefault(n.split()[-1], set()).add(iso3)
    for iso3, entry in out.items():
        own = set(str(entry["name"]).split())
        for key in ("names", "demonyms"):
            values = entry[key]
            assert isinstance(values, list)
            entry[key] = [v for v in values if " " in v or v in own or not (words.get(v, set()) - {iso3})]


def states(vocab: Path) -> dict[str, dict[str, object]]:
    cameo = json.loads((vocab / "cameo_actor_codes.json").read_text())["countries"]
    out: dict[str, dict[str, object]] = {}
    for c in pycountry.countries:
        iso3 = c.alpha_3
        name = getattr(c, "common_name", None) or c.name
        names = {name, c.name}
        official = getattr(c, "official_name", None)
        if official and len(official) < 40:
            names.add(official)
        demonyms: set[str] = set()
        capitals = set(CAPITALS.get(iso3, []))
        capital_upper = {x.upper() for x in capitals}
        for raw in cameo.get(iso3, []):
            if raw in capital_upper:
                break  # the dictionary lists cities after the capital: stop before them
            if SKIP_PATTERN.search(raw) or len(raw) < 3 or not raw.isascii():
                continue
            if not any(
                raw[:4].upper() == w[:4].upper() for n in names for w in n.split() if len(w) > 3
            ) and not _misspelling(raw, names):
                continue  # other cities and foreign-language names: too ambiguous as metonyms
            cased = _case(raw)
            (
                demonyms
                if DEMONYM_SUFFIX.search(raw) and raw.upper() not in (n.upper() for n in names) and " " not in raw
                else names
            ).add(cased)
        for extra in EXTRA_NAMES.get(iso3, []):
            (
                demonyms
                if DEMONYM_SUFFIX.search(extra)
                and extra != name
                and " " not in extra
                and extra
                not in (
                    "Israel",
                    "Japan",
                    "Iran",
                    "Oman",
                    "Yemen",
                    "Bahrain",
                    "Taiwan",
                    "Afghanistan",
                    "Pakistan",
                    "Sudan",
                    "Spain",
                    "Britain",
                    "Great Britain",
                    "Kuwait",
                    "Qatar",
                )
                else names
            ).add(extra)
        names.discard("")
        out[iso3] = {
            "name": name,
            "iso2": c.alpha_2,
            "cameo": iso3 if iso3 in cameo else None,
            "names": sorted(names),
            "demonyms": sorted(demonyms - names),
            "capitals": sorted(capitals),
        }
    _drop_words_of_other_names(out)
    out["USA"]["name"] = "United States"
    out["GBR"]["name"] = "United Kingdom"
    out["RUS"]["name"] = "Russia"
    out["KOR"]["name"] = "South Korea"
    out["PRK"]["name"] = "North Korea"
    out["PSE"]["name"] = "Palestine"
    # ISO's "Congo, The Democratic Republic of the" is written in running text as below; without these
    # forms "Democratic Republic of the Congo" reads as its neighbour, the "Republic of the Congo".
    out["COD"]["name"] = "Democratic Republic of the Congo"
    out["COD"]["names"] = sorted(
        set(out["COD"]["names"]) | {"Democratic Republic of the Congo", "Democratic Republic of Congo", "DR Congo"}
    )
    out["XKX"] = {
        "name": "Kosovo",
        "iso2": "XK",
        "cameo": "KSV",
        "names": ["Kosovo"],
        "demonyms": ["Kosovar"],
        "capitals": ["Pristina"],
    }
    for iso3, demonym in (("COL", "Colombian"), ("USA", "American"), ("VEN", "Venezuelan"), ("MEX", "Mexican")):
        demonyms_list = out[iso3]["demonyms"]
        assert isinstance(demonyms_list, list)
        if demonym not in demonyms_list:
            demonyms_list.append(demonym)
    return out


def armed_groups(vocab: Path) -> list[dict[str, object]]:
    """Non-state armed groups of the Phoenix dictionary, with their CAMEO codes ("Hamas" -> PSEREBHMS), and
    those of ``scripts/data/armed_groups.yaml`` (public facts) that it lacks."""
    data = json.loads((vocab / "cameo_actor_codes.json").read_text())["nonstate_armed_actors"]
    out: dict[str, dict[str, object]] = {}
    for code, patterns in data.items():
        for raw in patterns:
            if "+" in raw or len(raw) > 60 or len(raw) < 3 or not raw.isascii() or not re.search("[A-Za-z]", raw):
                continue  # a bare number ("380") would name every sum of money in the news
            m = re.match(r"^(.*?)\s*\(([A-Z0-9/-]{2,10})\)$", raw)
            name, acronym = (m[1], m[2]) if m else (raw, None)
            cased = _case(name)
            if cased in out:
                continue
            if cased.startswith("AL "):
                cased = "Al " + cased[3:]
            if cased in out:
                continue
            aliases = ([acronym] if acronym and len(acronym) > 2 else []) + _al_variants(cased)
            out[cased] = {"name": cased, "aliases": aliases, "cameo": code}
    taken = {str(a).upper() for g in out.values() for a in (g["name"], *g["aliases"])}  # type: ignore[misc]
    for extra in yaml.safe_load(ARMED_GROUPS.read_text(encoding="utf-8")):  # groups the dictionary lacks
        aliases = [a for a in extra["aliases"] if a.upper() not in taken and len(a) > 2]
        if extra["name"].upper() not in taken:
            out[extra["name"]] = {"name": extra["name"], "aliases": aliases, "cameo": extra["cameo"]}
    return sorted(out.values(), key=lambda g: str(g["name"]))


def build(vocab: Path) -> dict[str, object]:
    return {
        "about": "Generated by scripts/generate_gazetteer.py from ISO 3166 (pycountry) and the PETRARCH-2 "
        "Phoenix country dictionaries (MIT); do not edit by hand.",
        "states": states(vocab),
        "igos": [
            {"name": n, "aliases": a, "cameo": c, **({"parent": IGO_PARENTS[n]} if n in IGO_PARENTS else {})}
            for n, a, c in IGOS
        ],
        "ngos": [{"name": n, "aliases": a, "cameo": c} for n, a, c in NGOS],
        "armed_groups": armed_groups(vocab),
        "media": MEDIA,
        "agencies": [{"name": n, "aliases": a, "state": s, "parent": p} for n, a, s, p in AGENCIES],
        "bodies": BODIES,
        "state_itself": STATE_ITSELF,
        "titles": [{"title": t, "forms": f, "roles": r} for t, f, r in TITLES],
        "places": [{"name": n, "state": s} for n, s in PLACES],
        "regions": REGIONS,
        "kinship": KINSHIP,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--vocab", type=Path, default=ROOT.parent / "shared" / "vocab")
    ap.add_argument("--out", type=Path, default=ROOT / "graph" / "extract" / "data" / "gazetteer.json")
    args = ap.parse_args()
    data = build(args.vocab)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(data, ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({args.out.stat().st_size} bytes, {len(data['states'])} states)")  # type: ignore[arg-type]


if __name__ == "__main__":
    main()
