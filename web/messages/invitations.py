"""Texts of supplier invitations, in Dutch and English: the buyer's invitation form and list on the
contract page, the invitee's page behind the link, and the invitation's e-mail."""

from typing import Final

from chainmap.themes import Lang

INVITATION_MESSAGES: Final[dict[str, dict[Lang, str]]] = {
    "invitation.title": {"en": "Invitations", "nl": "Uitnodigingen"},
    "invitation.intro": {
        "en": "Invite the supplier's staff by e-mail address. Each invitation is a link that works once and "
        "for a limited time, on which the invitee sets a password and gets to this contract.",
        "nl": "Nodig medewerkers van de leverancier uit met hun e-mailadres. Elke uitnodiging is een link "
        "die één keer en een beperkte tijd werkt; daarmee stelt de genodigde een wachtwoord in en komt bij "
        "dit contract.",
    },
    "invitation.valid_until": {
        "en": "The link works once, until {expires}.",
        "nl": "De link werkt één keer, tot {expires}.",
    },
    "invitation.email": {"en": "E-mail address", "nl": "E-mailadres"},
    "invitation.supplier_name": {"en": "Supplier", "nl": "Leverancier"},
    "invitation.supplier_name_hint": {
        "en": "The contract has no supplier yet: the name of the organisation the invitee works for.",
        "nl": "Het contract heeft nog geen leverancier: de naam van de organisatie van de genodigde.",
    },
    "invitation.submit": {"en": "Invite", "nl": "Uitnodigen"},
    "invitation.errors": {
        "en": "The invitation was not made; see the fields below.",
        "nl": "De uitnodiging is niet gemaakt; zie de velden hieronder.",
    },
    "invitation.sent": {
        "en": "The invitation was e-mailed to {email}. Its link goes only to that address, so that only "
        "the person who reads its mail can use it.",
        "nl": "De uitnodiging is gemaild naar {email}. De link gaat alleen naar dat adres, zodat alleen wie "
        "die mail leest hem kan gebruiken.",
    },
    "invitation.accept.pending": {
        "en": "Thank you. {organisation} already has members in chainmap, and one of them (or the "
        "administrator) approves who joins it. You will be able to log in with this e-mail address and "
        "the password you chose as soon as your request is approved.",
        "nl": "Dank u. {organisation} heeft al leden in chainmap, en een van hen (of de beheerder) keurt "
        "goed wie erbij komt. U kunt inloggen met dit e-mailadres en het gekozen wachtwoord zodra uw "
        "verzoek is goedgekeurd.",
    },
    "invitation.not_sent": {
        "en": "E-mail is not set up in chainmap, so the link was not e-mailed: pass it on to {email} "
        "yourself. It is shown only this once:",
        "nl": "E-mail is niet ingesteld in chainmap, dus de link is niet gemaild: geef hem zelf door aan "
        "{email}. Hij wordt alleen nu getoond:",
    },
    "invitation.mail_failed": {
        "en": "The invitation stands, but the e-mail to {email} could not be sent: pass the link on "
        "yourself. It is shown only this once:",
        "nl": "De uitnodiging staat, maar de e-mail aan {email} kon niet worden verstuurd: geef de link zelf "
        "door. Hij wordt alleen nu getoond:",
    },
    "invitation.mail_failed_hidden": {
        "en": "The invitation stands, but the e-mail to {email} could not be sent. The link goes only by "
        "e-mail: try again later with “New link”.",
        "nl": "De uitnodiging staat, maar de e-mail aan {email} kon niet worden verstuurd. De link gaat "
        "alleen per e-mail: probeer het later opnieuw met “Nieuwe link”.",
    },
    "invitation.link": {"en": "Invitation link", "nl": "Uitnodigingslink"},
    "invitation.none": {"en": "No invitations yet.", "nl": "Nog geen uitnodigingen."},
    "invitation.created_at": {"en": "Invited", "nl": "Uitgenodigd"},
    "invitation.expires_at": {"en": "Expires", "nl": "Verloopt"},
    "invitation.status": {"en": "Status", "nl": "Status"},
    "invitation.status.open": {"en": "open", "nl": "open"},
    "invitation.status.used": {"en": "used", "nl": "gebruikt"},
    "invitation.status.expired": {"en": "expired", "nl": "verlopen"},
    "invitation.status.withdrawn": {"en": "withdrawn", "nl": "ingetrokken"},
    "invitation.new_link": {"en": "New link", "nl": "Nieuwe link"},
    "invitation.new_link_label": {"en": "New link for {email}", "nl": "Nieuwe link voor {email}"},
    "invitation.back": {"en": "Back to the contract", "nl": "Terug naar het contract"},
    "invitation.error.email_required": {"en": "Fill in an e-mail address.", "nl": "Vul een e-mailadres in."},
    "invitation.error.email_invalid": {
        "en": "This is not an e-mail address (name@domain.nl).",
        "nl": "Dit is geen e-mailadres (naam@domein.nl).",
    },
    "invitation.error.email_other_organisation": {
        "en": "This e-mail address already has a chainmap account with another organisation, and a user "
        "belongs to one organisation. Ask whoever invited you to invite another address of yours.",
        "nl": "Dit e-mailadres heeft al een chainmap-account bij een andere organisatie, en een gebruiker "
        "hoort bij één organisatie. Vraag wie u uitnodigde een ander adres van u uit te nodigen.",
    },
    "invitation.error.supplier_name_required": {
        "en": "Fill in the supplier's name: the contract has none yet.",
        "nl": "Vul de naam van de leverancier in: het contract heeft er nog geen.",
    },
    "invitation.error.too_long": {"en": "At most 200 characters.", "nl": "Hoogstens 200 tekens."},
    "invitation.error.full_name_required": {"en": "Fill in your name.", "nl": "Vul uw naam in."},
    "invitation.error.password_too_short": {
        "en": "The password needs at least {min} characters.",
        "nl": "Het wachtwoord moet minstens {min} tekens hebben.",
    },
    "invitation.error.password_too_long": {
        "en": "The password may have at most 200 characters.",
        "nl": "Het wachtwoord mag hoogstens 200 tekens hebben.",
    },
    "invitation.error.password_too_common": {
        "en": "This password is among the 100,000 most common ones, which are tried first when an account "
        "is attacked. Choose another: a few unrelated words in a row are easy to remember.",
        "nl": "Dit wachtwoord hoort bij de 100.000 meest gebruikte, die bij een aanval op een account als "
        "eerste worden geprobeerd. Kies een ander: een paar losse woorden achter elkaar zijn makkelijk te "
        "onthouden.",
    },
    "invitation.error.password_mismatch": {
        "en": "The two passwords differ.",
        "nl": "De twee wachtwoorden verschillen.",
    },
    "invitation.accept.title": {"en": "Your invitation", "nl": "Uw uitnodiging"},
    "invitation.accept.intro": {
        "en": "{buyer} invites you to chainmap for the contract “{title}” ({reference}), to share its "
        "supply chain.",
        "nl": "{buyer} nodigt u uit in chainmap voor het contract “{title}” ({reference}), om de "
        "toeleveringsketen ervan te delen.",
    },
    "invitation.accept.new_account": {
        "en": "Fill in your name and choose a password; you log in with {email}.",
        "nl": "Vul uw naam in en kies een wachtwoord; u logt in met {email}.",
    },
    "invitation.accept.full_name": {"en": "Your name", "nl": "Uw naam"},
    "invitation.accept.password": {"en": "Password", "nl": "Wachtwoord"},
    "invitation.accept.password_repeat": {"en": "Password again", "nl": "Wachtwoord herhalen"},
    "invitation.accept.password_hint": {
        "en": "At least {min} characters.",
        "nl": "Minstens {min} tekens.",
    },
    "invitation.accept.submit": {"en": "Set password and log in", "nl": "Wachtwoord instellen en inloggen"},
    "invitation.accept.has_account": {
        "en": "{email} already has a chainmap account with your organisation: accept the invitation, then "
        "log in with your own password.",
        "nl": "{email} heeft al een chainmap-account bij uw organisatie: neem de uitnodiging aan en log "
        "daarna in met uw eigen wachtwoord.",
    },
    "invitation.accept.use": {"en": "Accept the invitation", "nl": "Uitnodiging aannemen"},
    "invitation.accept.log_in": {
        "en": "The invitation is accepted. Log in with {email} and your password to see the contract.",
        "nl": "De uitnodiging is aangenomen. Log in met {email} en uw wachtwoord om het contract te zien.",
    },
    "invitation.problem.unknown.title": {"en": "Invitation not found", "nl": "Uitnodiging niet gevonden"},
    "invitation.problem.unknown.text": {
        "en": "This invitation link is not known. Check that you opened the whole link from the e-mail, or "
        "ask the buyer who invited you for a new one.",
        "nl": "Deze uitnodigingslink is onbekend. Controleer of u de hele link uit de e-mail hebt geopend, "
        "of vraag de inkoper die u uitnodigde om een nieuwe.",
    },
    "invitation.problem.used.title": {"en": "Invitation already used", "nl": "Uitnodiging al gebruikt"},
    "invitation.problem.used.text": {
        "en": "This invitation link has been used; it works only once. Log in with your e-mail address and "
        "password.",
        "nl": "Deze uitnodigingslink is al gebruikt; hij werkt maar één keer. Log in met uw e-mailadres en "
        "wachtwoord.",
    },
    "invitation.problem.withdrawn.title": {"en": "Invitation withdrawn", "nl": "Uitnodiging ingetrokken"},
    "invitation.problem.withdrawn.text": {
        "en": "The person who invited you no longer works on this contract, so the invitation was withdrawn. "
        "Ask the contracting authority for a new one.",
        "nl": "Wie u uitnodigde werkt niet meer aan dit contract, dus de uitnodiging is ingetrokken. Vraag "
        "de aanbestedende dienst om een nieuwe.",
    },
    "invitation.problem.expired.title": {"en": "Invitation expired", "nl": "Uitnodiging verlopen"},
    "invitation.problem.expired.text": {
        "en": "This invitation link no longer works. Ask the buyer who invited you for a new one.",
        "nl": "Deze uitnodigingslink werkt niet meer. Vraag de inkoper die u uitnodigde om een nieuwe.",
    },
    "invitation.mail.subject": {
        "en": "Invitation to chainmap: {title}",
        "nl": "Uitnodiging voor chainmap: {title}",
    },
    "invitation.mail.body": {
        "en": "{buyer} invites you to chainmap for the contract “{title}” ({reference}), to share its "
        "supply chain.\n\n"
        "Open this link to set your password; it works once, until {expires} (Dutch time):\n"
        "{link}\n\n"
        "Did you not expect this invitation? Then you can ignore this e-mail.",
        "nl": "{buyer} nodigt u uit in chainmap voor het contract “{title}” ({reference}), om de "
        "toeleveringsketen ervan te delen.\n\n"
        "Open deze link om uw wachtwoord in te stellen; hij werkt één keer, tot {expires}:\n"
        "{link}\n\n"
        "Verwachtte u deze uitnodiging niet? Dan kunt u deze e-mail negeren.",
    },
}
