"""chainmap: supply-chain due diligence for public procurement.

The core package turns a supplier's chain map into a risk picture. It is pure Python over networkx and
imports neither the database layer (`models`) nor the web app (`web`).
"""

__version__ = "0.1.0"
