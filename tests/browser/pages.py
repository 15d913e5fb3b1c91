"""The public pages of the demo that every browser check visits, with the status each answers.

Add a page here and the axe check, the narrow-screen check and the console check all cover it.
"""

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}

NOT_FOUND = "/arenden/ks-1999-1/"

PAGES: dict[str, int] = {
    "/": 200,
    "/motioner/": 200,
    "/arenden/ks-2019-295/": 200,
    "/arenden/ks-2020-493/": 200,
    "/organ/ks/": 200,
    "/organ/son/": 200,
    "/organ/kf/": 200,
    "/organ/ks/sammantraden/2022-03-08/": 200,
    "/organ/son/sammantraden/2022-02-16/": 200,
    "/organ/ks/2022/59/": 200,
    "/organ/ks/2022/60/": 200,
    "/organ/son/2022/2/": 200,
    "/motioner/?forsenad=true&sortering=dnr": 200,
    "/motioner/?status=okand": 200,
    "/motioner/obesvarade/": 200,
    "/motioner/obesvarade/?datum=2022-04-23&utskrift=1": 200,
    "/om/status/": 200,
    "/sok/?q=omr%C3%A5desteam": 200,
    "/sok/?q=%21%21%21": 200,
    "/partier/mp/": 200,
    "/anslagstavla/": 200,
    "/organ/ks/sammantraden/2022-03-08/protokoll/": 200,
    NOT_FOUND: 404,
}
