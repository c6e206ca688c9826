"""Texts of the admin's pages, the user's own account page and the page for a refused request
(403), in Dutch and English."""

from typing import Final

from chainmap.themes import Lang

ADMIN_MESSAGES: Final[dict[str, dict[Lang, str]]] = {
    "nav.admin": {"en": "Administration", "nl": "Beheer"},
    "nav.account": {"en": "My account", "nl": "Mijn account"},
    "forbidden.title": {"en": "No access", "nl": "Geen toegang"},
    "forbidden.text": {
        "en": "Your account has no access to this page. Ask your administrator if you need it.",
        "nl": "Uw account heeft geen toegang tot deze pagina. Vraag het uw beheerder als u die nodig hebt.",
    },
    "forbidden.home": {"en": "To the start page", "nl": "Naar de startpagina"},
    "admin.title": {"en": "Organisations", "nl": "Organisaties"},
    "admin.buyers": {"en": "Contracting authorities", "nl": "Aanbestedende diensten"},
    "admin.suppliers": {"en": "Suppliers", "nl": "Leveranciers"},
    "admin.suppliers_intro": {
        "en": "Suppliers join through a buyer's invitation to a contract. A buyer who types a supplier's "
        "name makes a new organisation every time, so one company may be listed more than once: check its "
        "members and contracts, then merge the duplicates on the organisation's page.",
        "nl": "Leveranciers komen binnen via de uitnodiging van een inkoper voor een contract. Een inkoper "
        "die de naam van een leverancier typt, maakt steeds een nieuwe organisatie, dus een bedrijf kan "
        "meer dan eens in de lijst staan: controleer de leden en contracten en voeg dubbele samen op de "
        "pagina van de organisatie.",
    },
    "admin.contracts_count": {"en": "Contracts", "nl": "Contracten"},
    "admin.none": {"en": "None yet.", "nl": "Nog geen."},
    "admin.name": {"en": "Name", "nl": "Naam"},
    "admin.users_count": {"en": "Users", "nl": "Gebruikers"},
    "admin.new_buyer": {"en": "New contracting authority", "nl": "Nieuwe aanbestedende dienst"},
    "admin.create": {"en": "Create", "nl": "Aanmaken"},
    "admin.back": {"en": "All organisations", "nl": "Alle organisaties"},
    "admin.kind.buyer": {"en": "contracting authority", "nl": "aanbestedende dienst"},
    "admin.kind.supplier": {"en": "supplier", "nl": "leverancier"},
    "admin.users": {"en": "Users", "nl": "Gebruikers"},
    "admin.email": {"en": "E-mail address", "nl": "E-mailadres"},
    "admin.full_name": {"en": "Name", "nl": "Naam"},
    "admin.role": {"en": "Role", "nl": "Rol"},
    "admin.status": {"en": "Status", "nl": "Status"},
    "admin.active": {"en": "active", "nl": "actief"},
    "admin.inactive": {"en": "deactivated", "nl": "gedeactiveerd"},
    "admin.activate": {"en": "Activate", "nl": "Activeren"},
    "admin.deactivate": {"en": "Deactivate", "nl": "Deactiveren"},
    "admin.new_user": {"en": "New user", "nl": "Nieuwe gebruiker"},
    "admin.new_user_intro": {
        "en": "chainmap makes a password for the new user and shows it once. Pass it on safely; the user "
        "changes it under My account.",
        "nl": "chainmap maakt een wachtwoord voor de nieuwe gebruiker en toont het één keer. Geef het veilig "
        "door; de gebruiker wijzigt het onder Mijn account.",
    },
    "admin.user_created": {
        "en": "{email} can now log in with this password, shown only this once:",
        "nl": "{email} kan nu inloggen met dit wachtwoord, dat alleen nu wordt getoond:",
    },
    "admin.password_reset": {
        "en": "{email} has a new password, shown only this once; their open sessions have ended:",
        "nl": "{email} heeft een nieuw wachtwoord, dat alleen nu wordt getoond; open sessies zijn beëindigd:",
    },
    "admin.new_password": {"en": "New password", "nl": "Nieuw wachtwoord"},
    "admin.new_password_confirm": {
        "en": "Give {email} a new password? The current one stops working.",
        "nl": "{email} een nieuw wachtwoord geven? Het huidige werkt dan niet meer.",
    },
    "admin.supplier_members": {
        "en": "A supplier's members join by invitation and with the approval of a member (or yours).",
        "nl": "Leden van een leverancier komen erbij via een uitnodiging en met goedkeuring van een lid (of "
        "van u).",
    },
    "admin.remove": {"en": "Remove from organisation", "nl": "Uit organisatie halen"},
    "admin.remove_label": {
        "en": "Remove from organisation: {email}",
        "nl": "Uit organisatie halen: {email}",
    },
    "admin.merge": {"en": "Merge with another supplier", "nl": "Samenvoegen met een andere leverancier"},
    "admin.merge_intro": {
        "en": "When {name} is the same company as another supplier organisation, merge it into that one: "
        "its contracts, members and requests to join move there and this organisation is deleted. Every "
        "member of either then works on the contracts of both, so check the members first.",
        "nl": "Is {name} hetzelfde bedrijf als een andere leveranciersorganisatie, voeg het daar dan mee "
        "samen: de contracten, leden en verzoeken gaan daarheen en deze organisatie verdwijnt. Elk lid van "
        "beide werkt daarna aan de contracten van beide, dus controleer eerst de leden.",
    },
    "admin.merge_into": {"en": "Merge into", "nl": "Samenvoegen met"},
    "admin.merge_confirm": {
        "en": "I have confirmed with the other organisation that these people work for it and may see all "
        "its contracts: {members}",
        "nl": "Ik heb bij de andere organisatie nagevraagd dat deze mensen er werken en al haar contracten "
        "mogen zien: {members}",
    },
    "admin.error.merge_confirm": {
        "en": "This organisation has members, who would join the other one: confirm that they work for it "
        "first.",
        "nl": "Deze organisatie heeft leden, die bij de andere zouden komen: bevestig eerst dat ze daar "
        "werken.",
    },
    "admin.merge_submit": {"en": "Merge", "nl": "Samenvoegen"},
    "admin.error.merge_target": {
        "en": "Choose another supplier organisation to merge into.",
        "nl": "Kies een andere leveranciersorganisatie om mee samen te voegen.",
    },
    "admin.error.name_required": {"en": "Fill in a name.", "nl": "Vul een naam in."},
    "admin.error.name_too_long": {
        "en": "Use at most 200 characters.",
        "nl": "Gebruik hoogstens 200 tekens.",
    },
    "admin.error.name_taken": {
        "en": "A contracting authority with this name exists already.",
        "nl": "Er is al een aanbestedende dienst met deze naam.",
    },
    "admin.error.email_required": {"en": "Fill in an e-mail address.", "nl": "Vul een e-mailadres in."},
    "admin.error.email_invalid": {
        "en": "This is not an e-mail address, e.g. name@municipality.nl.",
        "nl": "Dit is geen e-mailadres, zoals naam@gemeente.nl.",
    },
    "admin.error.email_taken": {
        "en": "There is already an account with this e-mail address.",
        "nl": "Er is al een account met dit e-mailadres.",
    },
    "admin.error.full_name_required": {"en": "Fill in the name.", "nl": "Vul de naam in."},
    "admin.error.role_invalid": {
        "en": "Choose buyer or contract manager.",
        "nl": "Kies inkoper of contractmanager.",
    },
    "admin.error.own_account": {
        "en": "You cannot deactivate your own account.",
        "nl": "U kunt uw eigen account niet deactiveren.",
    },
    "admin.error.own_removal": {
        "en": "You cannot remove your own account from its organisation.",
        "nl": "U kunt uw eigen account niet uit de organisatie halen.",
    },
    "admin.error.own_password": {
        "en": "Change your own password under My account.",
        "nl": "Wijzig uw eigen wachtwoord onder Mijn account.",
    },
    "account.title": {"en": "My account", "nl": "Mijn account"},
    "account.organisation": {"en": "Organisation", "nl": "Organisatie"},
    "account.change_password": {"en": "Change password", "nl": "Wachtwoord wijzigen"},
    "account.current_password": {"en": "Current password", "nl": "Huidig wachtwoord"},
    "account.new_password": {"en": "New password", "nl": "Nieuw wachtwoord"},
    "account.repeated_password": {"en": "New password again", "nl": "Nieuw wachtwoord nogmaals"},
    "account.password_hint": {
        "en": "At least {min} characters; a few words in a row are easy to remember.",
        "nl": "Minstens {min} tekens; een paar woorden achter elkaar zijn makkelijk te onthouden.",
    },
    "account.save": {"en": "Change password", "nl": "Wachtwoord wijzigen"},
    "account.sessions": {"en": "Where you are logged in", "nl": "Waar u bent ingelogd"},
    "account.sessions_intro": {
        "en": "Each browser you logged in with, until you log out there or its session ends. End any you "
        "do not recognise, and change your password.",
        "nl": "Elke browser waarmee u bent ingelogd, tot u daar uitlogt of de sessie afloopt. Beëindig "
        "elke sessie die u niet herkent, en wijzig uw wachtwoord.",
    },
    "account.session_browser": {"en": "Browser", "nl": "Browser"},
    "account.session_client": {"en": "Address", "nl": "Adres"},
    "account.session_started": {"en": "Logged in", "nl": "Ingelogd"},
    "account.session_seen": {"en": "Last used", "nl": "Laatst gebruikt"},
    "account.session_ends": {"en": "Ends at the latest", "nl": "Eindigt uiterlijk"},
    "account.session_this": {"en": "this browser", "nl": "deze browser"},
    "account.session_end": {"en": "End", "nl": "Beëindigen"},
    "account.session_end_label": {
        "en": "End the session logged in on {started}",
        "nl": "Sessie ingelogd op {started} beëindigen",
    },
    "account.sessions_end_others": {
        "en": "End all other sessions",
        "nl": "Alle andere sessies beëindigen",
    },
    "account.sessions_ended": {"en": "Sessions ended: {count}.", "nl": "Beëindigde sessies: {count}."},
    "account.password_changed": {
        "en": "Your password has been changed.",
        "nl": "Uw wachtwoord is gewijzigd.",
    },
    "account.error.current_wrong": {
        "en": "This is not your current password.",
        "nl": "Dit is niet uw huidige wachtwoord.",
    },
    "account.error.too_short": {
        "en": "Use at least {min} characters.",
        "nl": "Gebruik minstens {min} tekens.",
    },
    "account.error.too_long": {
        "en": "Use at most 200 characters.",
        "nl": "Gebruik hoogstens 200 tekens.",
    },
    "account.error.too_common": {
        "en": "This password is among the 100,000 most common ones, which are tried first when an account "
        "is attacked. Choose another: a few unrelated words in a row are easy to remember.",
        "nl": "Dit wachtwoord hoort bij de 100.000 meest gebruikte, die bij een aanval op een account als "
        "eerste worden geprobeerd. Kies een ander: een paar losse woorden achter elkaar zijn makkelijk te "
        "onthouden.",
    },
    "account.error.same": {
        "en": "Choose a password other than the current one.",
        "nl": "Kies een ander wachtwoord dan het huidige.",
    },
    "account.error.mismatch": {
        "en": "The two new passwords are not the same.",
        "nl": "De twee nieuwe wachtwoorden zijn niet gelijk.",
    },
}
