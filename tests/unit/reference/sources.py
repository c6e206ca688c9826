"""Small synthetic copies of the public reference sources, in the layout of ../shared/reference.

Each source holds a handful of rows chosen to exercise one rule of the build: a DOL territory and a DOL
name pycountry does not know, a derived DOL listing, a narrower age range, a denounced convention, a
UFLPA entity on two lists under two spellings, a country with no forest.
"""

from pathlib import Path

GOODS_XML = """<Goods>
  <Good>
    <Good_Name>Cotton</Good_Name>
    <Good_Sector>Agriculture</Good_Sector>
    <Countries>
      {cotton_countries}
    </Countries>
  </Good>
  <Good>
    <Good_Name>Polysilicon</Good_Name>
    <Good_Sector>Manufacturing</Good_Sector>
    <Countries>
      {polysilicon}
    </Countries>
  </Good>
  <Good>
    <Good_Name>Solar Modules</Good_Name>
    <Good_Sector>Manufacturing</Good_Sector>
    <Countries>
      {solar}
    </Countries>
  </Good>
</Goods>
"""

LISTED = """<Country>
        <Country_Name>{name}</Country_Name>
        <Country_Region>{region}</Country_Region>
        <Child_Labor>{child}</Child_Labor>
        <Forced_Labor>{forced}</Forced_Labor>
        <Forced_Child_Labor>{forced_child}</Forced_Child_Labor>
        <Derived_Labor_Exploitation>{derived}</Derived_Labor_Exploitation>
        <Derived_Country>{derived_country}</Derived_Country>
      </Country>"""

PROFILE = """<Country>
    <Name>{name}</Name>
    <Region>{region}</Region>
    <Multiple_Territories>No</Multiple_Territories>
    <Advancement_Level>{level}</Advancement_Level>
    <Description>In 2022, ...</Description>
    <Goods>{goods}</Goods>
    {statistics}
  </Country>"""

STATISTICS = """<Country_Statistics>
      <Children_Work_Statistics>
        <Age_Range>{age_range}</Age_Range>
        <Total_Percentage_of_Working_Children>{share}</Total_Percentage_of_Working_Children>
      </Children_Work_Statistics>
    </Country_Statistics>"""

PROFILE_GOOD = """<Good><Good_Name>{name}</Good_Name><Child_Labor>Yes</Child_Labor></Good>"""

CSV_FILES = {
    "wgi/wgi.csv": """iso3,country,year,cc,ge,pv,rq,rl,va
MMR,Myanmar,2023,-1.2165,-1.7528,-2.1,-1.9,-1.6169,-1.8436
NLD,Netherlands,2023,1.8671,1.6255,0.9,1.7,1.6425,1.5563
XKX,Kosovo,2023,-0.1853,-0.0801,0.1,0.2,-0.3114,
""",
    "ilostat/trade_union_density.csv": """iso3,country,year,value,source,notes
NLD,Netherlands,2019,15.387,ADM,
""",
    "ilostat/collective_bargaining_coverage.csv": """iso3,country,year,value,source,notes
NLD,Netherlands,2019,75.6,ADM,
""",
    "ilostat/fatal_occupational_injury_rate.csv": """iso3,country,year,value,source,notes
NLD,Netherlands,2015,0.545,Insurance records,
""",
    "ilostat-poverty/working_poverty_rate.csv": """iso3,country,year,value,source,notes
MMR,Myanmar,2023,1.881,ILOSTAT source XA:1,ILO modelled estimate
""",
    "wbl/wbl.csv": """iso3,country,year,wbl_index,mobility
NLD,Netherlands,2023,100,100
XKX,Kosovo,2023,91.875,100
""",
    "gfw/tree_cover_loss.csv": """iso3,country,extent_2000_ha,loss_2001_ha,loss_2002_ha
MCO,Monaco,0.0,0.0,0.0
NLD,Netherlands,200.0,1.5,4.5
TKM,Turkmenistan,300,0,1
""",
    "gfw/primary_forest_loss.csv": (
        "iso3,country,primary_extent_2001_ha,primary_loss_2002_ha,primary_loss_2003_ha\n"
        "MMR,Myanmar,1000,10,20\n"
    ),
    "ilo-ratifications/ratifications.csv": """iso3,country,convention,status,date
MMR,Myanmar,C029,ratified,1955
MMR,Myanmar,C087,ratified,1955
MMR,Myanmar,C182,ratified,2013
MYS,Malaysia,C105,denounced,1958
MYS,Malaysia,C182,ratified,2000
NLD,Netherlands (Kingdom of the),C029,ratified,1933
NLD,Netherlands (Kingdom of the),C138,ratified,1976
NLD,Netherlands (Kingdom of the),P029,not ratified,
""",
    "uflpa/entities.csv": """name,aliases,list,date_added,source_note
"Hongyuan Green Energy Co., Ltd.",\
"HY Solar; Hoyuan Green Energy Co. Ltd. and formerly known as Wuxi Shangji CNC Co., Ltd.",\
2(d)(2)(B)(v): facilities,2025-01-15,
Xinjiang Production and Construction Corps,,2(d)(2)(B)(i): entities in Xinjiang,2022-06-21,
Xinjiang Production and Construction Corps (XPCC),XPCC; Bingtuan,2(d)(2)(B)(v): facilities,2023-08-02,
Xinjiang Production and Construction Corps (XPCC),XPCC; Bingtuan,2(d)(2)(B)(ii): entities working,2023-08-02,
""",
    "cpv/cpv2008.csv": """code,label_en,label_nl
18000000-9,"Clothing, footwear, luggage articles and accessories",\
"Kleding, schoeisel, bagageartikelen en accessoires"
03000000-1,"Agricultural, farming, fishing, forestry and related products",
""",
}

# The partial 2024 edition: it covers Burkina Faso (cotton loses forced labour; cottonseed oil is new,
# listed for its input) and Burma ("Burma" lists garments only, so its cotton listing is removed).
# Turkmenistan and China are not covered and keep 2022.
DOL_2024_HEADER = (
    "good,country,child_labor,forced_labor,forced_child_labor,sector,input_good,input_country,"
    "source_url,note,downstream_ipcl,downstream_ipfl,page_version,sector_source\n"
)
DOL_2024 = DOL_2024_HEADER + (
    "Cotton,Burkina Faso,1,0,0,Agriculture,,,https://www.dol.gov/x,,0,0,2023 Findings page,goods.xml\n"
    "Cottonseed Oil,Burkina Faso,0,0,0,,cotton,Burkina Faso,https://www.dol.gov/x,,1,0,2023 Findings page,\n"
    "Garments,Burma,0,1,0,Manufacturing,,,https://www.dol.gov/x,,0,0,2023 Findings page,\n"
)

CURATED_DOL_2024 = """name,sector,basis
Cottonseed Oil,Manufacturing,pressed in an oil mill
Garments,Manufacturing,sewn in a factory
"""

CURATED_CORRECTIONS = """good,country,child_labour,forced_labour,forced_child_labour,source_url,note
"""

CURATED_GOODS = """name,sector
Fabric,Manufacturing
"""

CURATED_ALIASES = """alias,good
stof,Fabric
katoen,Cotton
"""

CURATED_DUTCH = """name,label_nl
Cotton,katoen
Cottonseed Oil,katoenzaadolie
Fabric,weefsel
Garments,kleding
Polysilicon,polysilicium
Solar Modules,zonnepanelen
"""


def listed(
    name: str,
    *,
    region: str = "Indo-Pacific",
    child: bool = False,
    forced: bool = False,
    forced_child: bool = False,
    derived_country: str | None = None,
) -> str:
    """One country entry of a good in goods.xml."""

    def yes_no(flag: bool) -> str:
        return "Yes" if flag else "No"

    return LISTED.format(
        name=name,
        region=region,
        child=yes_no(child),
        forced=yes_no(forced),
        forced_child=yes_no(forced_child),
        derived=yes_no(derived_country is not None),
        derived_country=derived_country or "No",
    )


def profile(
    name: str, *, region: str, level: str, goods: tuple[str, ...] = (), statistics: tuple[str, str] | None
) -> str:
    """One country profile of countries.xml; `statistics` is (age range, share as a fraction)."""
    return PROFILE.format(
        name=name,
        region=region,
        level=level,
        goods="".join(PROFILE_GOOD.format(name=good) for good in goods),
        statistics=STATISTICS.format(age_range=statistics[0], share=statistics[1]) if statistics else "",
    )


def write_sources(root: Path, *, extra_cotton_country: str | None = None) -> tuple[Path, Path]:
    """Write the synthetic sources under root/source and curated lists under root/curated.

    `extra_cotton_country` adds one more DOL cotton listing under that country name. Returns the two
    directories.
    """
    source = root / "source"
    cotton = [
        listed("Turkmenistan", child=True, forced=True),
        listed("Burma", child=True),
        listed("Burkina Faso", region="Sub-Saharan Africa", child=True, forced=True, forced_child=True),
    ]
    if extra_cotton_country:
        cotton.append(listed(extra_cotton_country, child=True))
    goods_xml = GOODS_XML.format(
        cotton_countries="\n      ".join(cotton),
        polysilicon=listed("China", forced=True),
        solar=listed("China", derived_country="China"),
    )
    countries_xml = "<Countries>\n  {}\n</Countries>\n".format(
        "\n  ".join(
            (
                profile(
                    "Burma",
                    region="Indo-Pacific",
                    level="No Advancement – Efforts Made but Complicit in Forced Child Labor",
                    goods=("Cotton",),
                    statistics=("5-14", "0.004"),
                ),
                profile(
                    "Burkina Faso",
                    region="Sub-Saharan Africa",
                    level="Moderate Advancement",
                    goods=("Cotton",),
                    statistics=("10-14", "0.357"),
                ),
                profile("China", region="Indo-Pacific", level="", goods=("Polysilicon",), statistics=None),
                profile(
                    "Montserrat",
                    region="Europe and Eurasia",
                    level="No Advancement",
                    statistics=("", "0.968"),
                ),
                profile("Turkmenistan", region="Indo-Pacific", level="", goods=("Cotton",), statistics=None),
                profile(
                    "Kosovo",
                    region="Europe and Eurasia",
                    level="Moderate Advancement",
                    statistics=("5-14", "Unavailable"),
                ),
            )
        )
    )
    files = {
        "dol-ilab/goods.xml": goods_xml,
        "dol-ilab/countries.xml": countries_xml,
        "dol-ilab-2024/dol_goods_2024.csv": DOL_2024,
        **CSV_FILES,
    }
    for name, text in files.items():
        path = source / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    curated = root / "curated"
    curated.mkdir()
    (curated / "goods.csv").write_text(CURATED_GOODS, encoding="utf-8")
    (curated / "goods_aliases.csv").write_text(CURATED_ALIASES, encoding="utf-8")
    (curated / "goods_nl.csv").write_text(CURATED_DUTCH, encoding="utf-8")
    (curated / "goods_dol_2024.csv").write_text(CURATED_DOL_2024, encoding="utf-8")
    (curated / "dol_corrections.csv").write_text(CURATED_CORRECTIONS, encoding="utf-8")
    return source, curated
