#!/usr/bin/env python3
"""
Omnihub e-mail corpus, part two: cases 82 and up, each written the way one real client or server
writes it (header order, X-Mailer / User-Agent, boundary style, transfer encodings, folding, CRLF).

Builds on generate.py (same helpers, same conventions for manifest.json; read its docstring) and
adds, where generate.py leaves a choice open, the conventions the parser documents:
  * inline: the part has a Content-ID and is not Content-Disposition: attachment, and it is either
    marked inline or sits in a multipart/related (MailPart: "shown in the body (an image referenced
    by cid:)"); a signature, an encrypted blob or a forwarded mail that merely says
    "Content-Disposition: inline" without a Content-ID is an attachment (inline=false).
  * message/disposition-notification (MDN) parts are kept as files like every report part except
    message/delivery-status, which is read for bounce recipients only.
  * bounceRecipients: the address the report says *we* sent to (Original-Recipient when the
    reporting MTA rewrote it, e.g. alias expansion), because that is the contact point the hub knows.
  * NUL bytes are read as they are; removing them is StorableInteraction's job (NUL_REMOVED).

Usage:  python3 generate_real_clients.py          # (re)write NN-*.eml for NN >= 82, append to manifest
        python3 generate_real_clients.py --check  # check the files on disk: same as generated, read alike

Re-running generate.py rewrites manifest.json with cases 01-81 only (and deletes two-digit NN-*.eml
it does not know); run this script again afterwards.
"""
import base64
import email.policy
import hashlib
import json
import os
import re
import struct
import sys
from email.parser import BytesParser

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True  # no __pycache__ among the test resources
import generate as g  # noqa: E402
from generate import prng, b64, qp, ewb, ewq, H, part, mp, message, wire_len, A, png, jpeg, pdf, rcv  # noqa: E402,F401

FIRST = 82
MESSAGES = []
MAX_BYTES = 30 * 1024


def add(file, raw, why, messageId, frm, fromName, subject, textContains=(), textExcludes=(),
        htmlContains=(), hasHtml=False, attachments=(), flags=(), bounceRecipients=(), inReplyTo=None,
        references=(), threadIndex=False, newPartContains=(), newPartExcludes=(), expect_python=()):
    assert re.match(r"^\d{2,3}-[a-z0-9-]+\.eml$", file), file
    assert int(file.split("-")[0]) == FIRST + len(MESSAGES), (file, FIRST + len(MESSAGES))
    assert b"\r" not in raw, file
    wire = raw.replace(b"\n", b"\r\n")
    man = {
        "file": file, "why": why, "messageId": messageId, "from": frm, "fromName": fromName,
        "subject": subject, "textContains": list(textContains), "textExcludes": list(textExcludes),
        "htmlContains": list(htmlContains), "hasHtml": hasHtml, "attachments": list(attachments),
        "flags": list(flags), "bounceRecipients": list(bounceRecipients), "inReplyTo": inReplyTo,
        "references": list(references), "threadIndex": threadIndex,
        "newPartContains": list(newPartContains), "newPartExcludes": list(newPartExcludes),
    }
    MESSAGES.append((file, wire, man, set(expect_python)))


# --------------------------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------------------------

def crlf(b):
    return b.replace(b"\n", b"\r\n")


def b64text(text, width=76):
    """base64 of a text part as Windows/Gmail clients encode it: CRLF line ends inside."""
    return b64(crlf(text.encode("utf-8")), width)


def tindex(seed, replies=0):
    """An Outlook Thread-Index: 22 bytes + 5 per reply, base64."""
    # FILETIME's high bytes for November 2023 (0x01DA17..), then the GUID and the reply blocks
    return base64.b64encode(b"\x01\xda\x17" + prng("ti-" + seed, 19 + 5 * replies)).decode()


def ics(lines):
    """iCalendar content lines folded at 75 octets (never inside a UTF-8 sequence), CRLF."""
    out = []
    for line in lines:
        b = line.encode("utf-8")
        first = True
        while len(b) > 75 - (0 if first else 1):
            cut = 75 - (0 if first else 1)
            while (b[cut] & 0xC0) == 0x80:
                cut -= 1
            out.append((b"" if first else b" ") + b[:cut])
            b = b[cut:]
            first = False
        out.append((b"" if first else b" ") + b)
    return b"\r\n".join(out) + b"\r\n"


def lf(b):
    return b.replace(b"\r\n", b"\n")


def crc24(data):
    crc = 0xB704CE
    for byte in data:
        crc ^= byte << 16
        for _ in range(8):
            crc <<= 1
            if crc & 0x1000000:
                crc ^= 0x1864CFB
    return crc & 0xFFFFFF


def armor(kind, packets, width=64, version=None):
    s = base64.b64encode(packets).decode()
    out = "-----BEGIN PGP %s-----\n" % kind
    if version:
        out += "Version: %s\n" % version
    out += "\n" + "\n".join(s[i:i + width] for i in range(0, len(s), width)) + "\n"
    out += "=" + base64.b64encode(crc24(packets).to_bytes(3, "big")).decode() + "\n"
    out += "-----END PGP %s-----\n" % kind
    return out.encode()


# ---- DER / BER (S/MIME) -----------------------------------------------------------------------

def _len(n):
    if n < 0x80:
        return bytes([n])
    b = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return bytes([0x80 | len(b)]) + b


def tlv(tag, content):
    return bytes([tag]) + _len(len(content)) + content


def indef(tag, content):
    """BER indefinite length, as Outlook and Apple's Security framework write CMS."""
    return bytes([tag, 0x80]) + content + b"\x00\x00"


def oid(dotted):
    arcs = [int(x) for x in dotted.split(".")]
    out = bytes([40 * arcs[0] + arcs[1]])
    for a in arcs[2:]:
        enc = [a & 0x7F]
        a >>= 7
        while a:
            enc.insert(0, 0x80 | (a & 0x7F))
            a >>= 7
        out += bytes(enc)
    return tlv(0x06, out)


NULL = b"\x05\x00"


def alg(dotted, params=NULL):
    return tlv(0x30, oid(dotted) + params)


def name(cn, o=None):
    rdns = b""
    if o:
        rdns += tlv(0x31, tlv(0x30, oid("2.5.4.10") + tlv(0x0C, o.encode())))
    rdns += tlv(0x31, tlv(0x30, oid("2.5.4.3") + tlv(0x0C, cn.encode())))
    return tlv(0x30, rdns)


def certificate(seed, subject_cn, email_addr, issuer_cn="Example Issuing CA 2", serial=None):
    serial = serial or (b"\x01" + prng(seed + "-serial", 15))
    spki = tlv(0x30, alg("1.2.840.113549.1.1.1") + tlv(0x03, b"\x00" + tlv(0x30, tlv(0x02, b"\x00" + prng(seed + "-n", 256))
                                                                            + tlv(0x02, b"\x01\x00\x01"))))
    validity = tlv(0x30, tlv(0x17, b"230301000000Z") + tlv(0x17, b"260301235959Z"))
    subject = tlv(0x30, tlv(0x31, tlv(0x30, oid("2.5.4.3") + tlv(0x0C, subject_cn.encode())))
                  + tlv(0x31, tlv(0x30, oid("1.2.840.113549.1.9.1") + tlv(0x16, email_addr.encode()))))
    tbs = tlv(0x30, tlv(0xA0, tlv(0x02, b"\x02")) + tlv(0x02, serial) + alg("1.2.840.113549.1.1.11")
              + name(issuer_cn, "Example Trust Services") + validity + subject + spki)
    return tlv(0x30, tbs + alg("1.2.840.113549.1.1.11") + tlv(0x03, b"\x00" + prng(seed + "-sig", 256))), serial


def smime_signed_data(inner, seed, signer_cn, signer_email, chunk=1024):
    """CMS SignedData (opaque-signed, RFC 8551 smime-type=signed-data) carrying `inner` (a MIME entity)."""
    cert, serial = certificate(seed, signer_cn, signer_email)
    chunks = b"".join(tlv(0x04, inner[i:i + chunk]) for i in range(0, len(inner), chunk))
    encap = indef(0x30, oid("1.2.840.113549.1.7.1") + indef(0xA0, indef(0x24, chunks)))
    signed_attrs = (tlv(0x30, oid("1.2.840.113549.1.9.3") + tlv(0x31, oid("1.2.840.113549.1.7.1")))
                    + tlv(0x30, oid("1.2.840.113549.1.9.5") + tlv(0x31, tlv(0x17, b"231116133011Z")))
                    + tlv(0x30, oid("1.2.840.113549.1.9.4") + tlv(0x31, tlv(0x04, hashlib.sha256(inner).digest()))))
    signer = tlv(0x30, tlv(0x02, b"\x01")
                 + tlv(0x30, name("Example Issuing CA 2", "Example Trust Services") + tlv(0x02, serial))
                 + alg("2.16.840.1.101.3.4.2.1") + tlv(0xA0, signed_attrs) + alg("1.2.840.113549.1.1.1")
                 + tlv(0x04, prng(seed + "-signature", 256)))
    sd = indef(0x30, tlv(0x02, b"\x01") + tlv(0x31, alg("2.16.840.1.101.3.4.2.1")) + encap
               + tlv(0xA0, cert) + tlv(0x31, signer))
    return indef(0x30, oid("1.2.840.113549.1.7.2") + indef(0xA0, sd))


def smime_detached_signature(seed, signer_cn, signer_email, content):
    cert, serial = certificate(seed, signer_cn, signer_email)
    signed_attrs = (tlv(0x30, oid("1.2.840.113549.1.9.3") + tlv(0x31, oid("1.2.840.113549.1.7.1")))
                    + tlv(0x30, oid("1.2.840.113549.1.9.5") + tlv(0x31, tlv(0x17, b"231116143512Z")))
                    + tlv(0x30, oid("1.2.840.113549.1.9.4") + tlv(0x31, tlv(0x04, hashlib.sha256(content).digest()))))
    signer = tlv(0x30, tlv(0x02, b"\x01")
                 + tlv(0x30, name("Example Issuing CA 2", "Example Trust Services") + tlv(0x02, serial))
                 + alg("2.16.840.1.101.3.4.2.1") + tlv(0xA0, signed_attrs) + alg("1.2.840.113549.1.1.1")
                 + tlv(0x04, prng(seed + "-signature", 256)))
    sd = tlv(0x30, tlv(0x02, b"\x01") + tlv(0x31, alg("2.16.840.1.101.3.4.2.1"))
             + tlv(0x30, oid("1.2.840.113549.1.7.1")) + tlv(0xA0, cert) + tlv(0x31, signer))
    return tlv(0x30, oid("1.2.840.113549.1.7.2") + tlv(0xA0, sd))


def smime_enveloped_data(inner_len, seed, recipients):
    """CMS EnvelopedData, AES-256-CBC, one RSA key-transport recipient per (cn, email)."""
    infos = b""
    for cn, addr in recipients:
        _, serial = certificate(seed + addr, cn, addr)
        infos += tlv(0x30, tlv(0x02, b"\x00")
                     + tlv(0x30, name("Example Issuing CA 2", "Example Trust Services") + tlv(0x02, serial))
                     + alg("1.2.840.113549.1.1.1") + tlv(0x04, prng(seed + addr + "-key", 256)))
    ct = prng(seed + "-ciphertext", (inner_len // 16 + 1) * 16)
    eci = indef(0x30, oid("1.2.840.113549.1.7.1") + alg("2.16.840.1.101.3.4.1.42", tlv(0x04, prng(seed + "-iv", 16)))
                + indef(0xA0, b"".join(tlv(0x04, ct[i:i + 1024]) for i in range(0, len(ct), 1024))))
    ed = indef(0x30, tlv(0x02, b"\x00") + tlv(0x31, infos) + eci)
    return indef(0x30, oid("1.2.840.113549.1.7.3") + indef(0xA0, ed))


# ---- TNEF ------------------------------------------------------------------------------------

def tnef_attr(level, attr, data):
    return struct.pack("<BII", level, attr, len(data)) + data + struct.pack("<H", sum(data) & 0xFFFF)


def tnef_date(y, mo, d, h, mi, s, dow):
    return struct.pack("<7H", y, mo, d, h, mi, s, dow)


def tnef(key, subject, body, files, date):
    out = struct.pack("<IH", 0x223E9F78, key)
    out += tnef_attr(1, 0x00089006, struct.pack("<I", 0x00010000))          # attTnefVersion
    out += tnef_attr(1, 0x00069007, struct.pack("<II", 1252, 0))             # attOemCodepage
    out += tnef_attr(1, 0x00078008, b"IPM.Microsoft Mail.Note\x00")          # attMessageClass
    out += tnef_attr(1, 0x00018004, subject.encode("cp1252") + b"\x00")     # attSubject
    out += tnef_attr(1, 0x00038005, date)                                     # attDateSent
    out += tnef_attr(1, 0x0002800C, body.encode("cp1252") + b"\x00")        # attBody
    for fname, data in files:
        out += tnef_attr(2, 0x00069002, struct.pack("<HIHHI", 1, 0xFFFFFFFF, 0xFFFF, 0xFFFF, 0))  # attAttachRendData
        out += tnef_attr(2, 0x00018010, fname.encode("cp1252") + b"\x00")  # attAttachTitle
        out += tnef_attr(2, 0x00038013, date)                                 # attAttachModifyDate
        out += tnef_attr(2, 0x0006800F, data)                                 # attAttachData
    return out


# ---- the hub's own outgoing mail (what bounces and receipts quote) -----------------------------

def hub_mail(mid, to, subject, text, date, part_no, stamp, in_reply_to=None, extra=()):
    """A reply as MailComposer (JavaMail) writes it: multipart/alternative, JavaMail boundary."""
    b = "----=_Part_%d_%d.%d" % (part_no, 1000000000 + part_no * 7919, stamp)
    html = '<!DOCTYPE html><html><body><div style="white-space:pre-wrap">%s</div></body></html>' % (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;"))
    body = mp(b, [
        part([("Content-Type", "text/plain; charset=UTF-8"), ("Content-Transfer-Encoding", "7bit")], text),
        part([("Content-Type", "text/html; charset=UTF-8"), ("Content-Transfer-Encoding", "7bit")], html),
    ])
    hdr = [("Date", date), ("From", "Omnihub Support <support@example.net>"), ("To", to),
           ("Message-ID", "<%s>" % mid)]
    if in_reply_to:
        hdr += [("In-Reply-To", "<%s>" % in_reply_to), ("References", "<%s>" % in_reply_to)]
    hdr += [("Subject", subject)] + list(extra) + [("MIME-Version", "1.0"),
                                                   ("Content-Type", 'multipart/alternative; \n\tboundary="%s"' % b)]
    return hdr, body[:-1]


POSTFIX_FAILED = """This is the mail system at host {host}.

I'm sorry to have to inform you that your message could not
be delivered to one or more recipients. It's attached below.

For further assistance, please send mail to postmaster.

If you do so, please include this problem report. You can
delete your own text from the attached returned message.

                   The mail system

"""

# --------------------------------------------------------------------------------------------
# 82-84 calendar invitations
# --------------------------------------------------------------------------------------------

VTIMEZONE_BERLIN = [
    "BEGIN:VTIMEZONE", "TZID:W. Europe Standard Time",
    "BEGIN:STANDARD", "DTSTART:16010101T030000", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100",
    "RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=10", "END:STANDARD",
    "BEGIN:DAYLIGHT", "DTSTART:16010101T020000", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200",
    "RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=3", "END:DAYLIGHT",
    "END:VTIMEZONE"]


def word_html(paragraphs, lang="DE"):
    """The HTML Outlook (Word engine) writes."""
    ps = "".join("<p class=MsoNormal>%s<o:p></o:p></p>\n" % p for p in paragraphs)
    return ('<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
            'xmlns:w="urn:schemas-microsoft-com:office:word" xmlns:m="http://schemas.microsoft.com/office/2004/12/omml" '
            'xmlns="http://www.w3.org/TR/REC-html40"><head><meta http-equiv=Content-Type content="text/html; charset=utf-8">'
            '<meta name=Generator content="Microsoft Word 15 (filtered medium)"><style><!--\n'
            '/* Font Definitions */\n@font-face\n\t{font-family:"Cambria Math";\n\tpanose-1:2 4 5 3 5 4 6 3 2 4;}\n'
            '@font-face\n\t{font-family:Calibri;\n\tpanose-1:2 15 5 2 2 2 4 3 2 4;}\n'
            '/* Style Definitions */\np.MsoNormal, li.MsoNormal, div.MsoNormal\n\t{margin:0cm;\n\tfont-size:11.0pt;\n'
            '\tfont-family:"Calibri",sans-serif;\n\tmso-ligatures:standardcontextual;\n\tmso-fareast-language:EN-US;}\n'
            '.MsoChpDefault\n\t{mso-style-type:export-only;\n\tfont-size:10.0pt;}\n'
            '@page WordSection1\n\t{size:612.0pt 792.0pt;\n\tmargin:70.85pt 70.85pt 2.0cm 70.85pt;}\n'
            'div.WordSection1\n\t{page:WordSection1;}\n--></style></head>'
            '<body lang=%s link="#0563C1" vlink="#954F72" style=\'word-wrap:break-word\'>'
            '<div class=WordSection1>\n%s</div></body></html>\n') % (lang, ps)


def m82():
    alt = "----=_NextPart_000_0016_01DA17AD.AE5A2D30"
    text = ("Hallo zusammen,\n\n"
            "wie besprochen das Quartalsreview zum Omnihub-Rollout. Agenda:\n\n"
            "-          Kennzahlen E-Mail-Kanal (Bounces, Antwortzeiten)\n"
            "-          Einführung Web-Chat im Kundenportal\n"
            "-          Offene Punkte aus Ticket 48211\n\n"
            "Viele Grüße\nMaria Weber\n\n")
    html = word_html(["Hallo zusammen,", "&nbsp;", "wie besprochen das Quartalsreview zum Omnihub-Rollout. Agenda:",
                      "<![if !supportLists]><span>-<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span><![endif]>Kennzahlen E-Mail-Kanal (Bounces, Antwortzeiten)",
                      "<![if !supportLists]><span>-<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span><![endif]>Einführung Web-Chat im Kundenportal",
                      "<![if !supportLists]><span>-<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span><![endif]>Offene Punkte aus Ticket 48211",
                      "&nbsp;", "Viele Grüße", "Maria Weber"])
    cal = ics(["BEGIN:VCALENDAR", "PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN", "VERSION:2.0",
               "METHOD:REQUEST", "X-MS-OLK-FORCEINSPECTOROPEN:TRUE"] + VTIMEZONE_BERLIN + [
        "BEGIN:VEVENT",
        "ATTENDEE;CN=support@example.net;RSVP=TRUE:mailto:support@example.net",
        "CLASS:PUBLIC", "CREATED:20231115T091233Z",
        "DESCRIPTION:Hallo zusammen\\,\\n\\nwie besprochen das Quartalsreview zum Omnihub-Rollout. Agenda:\\n\\n"
        "-\t Kennzahlen E-Mail-Kanal (Bounces\\, Antwortzeiten)\\n-\t Einführung Web-Chat im Kundenportal\\n"
        "-\t Offene Punkte aus Ticket 48211\\n\\nViele Grüße\\nMaria Weber\\n\\n",
        'DTEND;TZID="W. Europe Standard Time":20231123T150000', "DTSTAMP:20231115T091233Z",
        'DTSTART;TZID="W. Europe Standard Time":20231123T140000', "LAST-MODIFIED:20231115T091233Z",
        "LOCATION:Besprechungsraum 2.14", 'ORGANIZER;CN="Weber, Maria":mailto:maria.weber@example.com',
        "PRIORITY:5", "SEQUENCE:0", "SUMMARY;LANGUAGE=de:Quartalsreview Omnihub Q4", "TRANSP:OPAQUE",
        "UID:040000008200E00074C5B7101A82E0080000000060E1D4A59F17DA01000000000000000010000000C9A3E3B7F15D8A4C8B6F0D2E1A9C7B55",
        "X-MICROSOFT-CDO-BUSYSTATUS:BUSY", "X-MICROSOFT-CDO-IMPORTANCE:1", "X-MICROSOFT-DISALLOW-COUNTER:FALSE",
        "X-MS-OLK-AUTOFILLLOCATION:FALSE", "X-MS-OLK-CONFTYPE:0",
        "BEGIN:VALARM", "TRIGGER:-PT15M", "ACTION:DISPLAY", "DESCRIPTION:Reminder", "END:VALARM",
        "END:VEVENT", "END:VCALENDAR"])
    body = mp(alt, [
        part([("Content-Type", 'text/plain;\n\tcharset="utf-8"'), ("Content-Transfer-Encoding", "quoted-printable")],
             qp(text.encode("utf-8"))),
        part([("Content-Type", 'text/html;\n\tcharset="utf-8"'), ("Content-Transfer-Encoding", "quoted-printable")],
             qp(html.encode("utf-8"))),
        part([("Content-Type", 'text/calendar;\n\tmethod=REQUEST;\n\tcharset="utf-8"'),
              ("Content-Transfer-Encoding", "base64")], b64(cal)),
    ], preamble="This is a multipart message in MIME format.\n")
    hdr = rcv("maria.weber@example.com", "mail.example.com", "192.0.2.82", "4SVK2m0Tq3z9v5c",
              "Wed, 15 Nov 2023 10:12:36 +0100 (CET)") + [
        ("From", '"Weber, Maria" <maria.weber@example.com>'),
        ("To", "<support@example.net>"),
        ("Subject", "Quartalsreview Omnihub Q4"),
        ("Date", "Wed, 15 Nov 2023 10:12:33 +0100"),
        ("Message-ID", "<001501da17a5$4c8e2f30$e5aa8d90$@example.com>"),
        ("MIME-Version", "1.0"),
        ("Content-Type", 'multipart/alternative;\n\tboundary="%s"' % alt),
        ("X-Mailer", "Microsoft Outlook 16.0"),
        ("Thread-Index", tindex("82")),
        ("Content-Language", "de")]
    add("82-outlook-meeting-request.eml", message(hdr, body),
        "Outlook 16 desktop (SMTP account) meeting request: the whole mail is a top-level multipart/alternative of QP text/plain, Word-generated QP text/html and a base64 text/calendar; method=REQUEST with no name (kept as a nameless file, never read as the text).",
        "001501da17a5$4c8e2f30$e5aa8d90$@example.com", "maria.weber@example.com", "Weber, Maria",
        "Quartalsreview Omnihub Q4",
        textContains=["Kennzahlen E-Mail-Kanal (Bounces, Antwortzeiten)", "Einführung Web-Chat im Kundenportal", "Viele Grüße"],
        textExcludes=["BEGIN:VCALENDAR", "X-MICROSOFT-CDO", "=C3", "QkVHSU46VkNBTEVOREFS"],
        htmlContains=["<p class=MsoNormal>Hallo zusammen,", "Einführung Web-Chat"], hasHtml=True,
        attachments=[A(None, "text/calendar", len(cal))], threadIndex=True)


def m83():
    key = "3F5E2A1B9C8D4E7F8A6B5C4D3E2F1A0B"
    mix = "_002_%sEXCH01corpexamplecom_" % key
    alt = "_000_%sEXCH01corpexamplecom_" % key
    text = ("Hallo Omnihub-Team,\n\n"
            "für die Schulung zum neuen Ticketsystem schlage ich Donnerstag, 23.11., 9–11 Uhr vor.\n"
            "Bitte bringen Sie die Zugangsdaten für die Testumgebung mit.\n\n"
            "Mit freundlichen Grüßen\nJens Krüger\nIT-Koordination\n\n")
    html = ('<html>\n<head>\n<meta http-equiv="Content-Type" content="text/html; charset=utf-8">\n'
            '<style type="text/css" style="display:none;"> P {margin-top:0;margin-bottom:0;} </style>\n'
            '</head>\n<body dir="ltr">\n<div style="font-family: Calibri, Arial, Helvetica, sans-serif; font-size: 12pt; color: rgb(0, 0, 0);">\n'
            'Hallo Omnihub-Team,<br><br>für die Schulung zum neuen Ticketsystem schlage ich <b>Donnerstag, 23.11., 9–11 Uhr</b> vor.<br>'
            'Bitte bringen Sie die Zugangsdaten für die Testumgebung mit.<br><br>Mit freundlichen Grüßen<br>Jens Krüger<br>IT-Koordination</div>\n'
            '</body>\n</html>\n')
    cal = ics(["BEGIN:VCALENDAR", "METHOD:REQUEST", "PRODID:Microsoft Exchange Server 2010", "VERSION:2.0"]
              + [l.replace("DTSTART:16010101T030000", "DTSTART:16010101T030000") for l in VTIMEZONE_BERLIN] + [
        "BEGIN:VEVENT",
        'ORGANIZER;CN="Krüger, Jens":mailto:jens.krueger@example.com',
        "ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE;CN=Omnihub Support:mailto:support@example.net",
        "DESCRIPTION;LANGUAGE=de-DE:Hallo Omnihub-Team\\,\\n\\nfür die Schulung zum neuen Ticketsystem schlage ich "
        "Donnerstag\\, 23.11.\\, 9–11 Uhr vor.\\nBitte bringen Sie die Zugangsdaten für die Testumgebung mit.\\n\\n"
        "Mit freundlichen Grüßen\\nJens Krüger\\nIT-Koordination\\n\\n",
        "UID:040000008200E00074C5B7101A82E00800000000D0A9F35D9018DA01000000000000000010000000E4B3A2F1C0D9E8F7A6B5C4D3E2F1A0B9",
        "SUMMARY;LANGUAGE=de-DE:Schulung Ticketsystem",
        "DTSTART;TZID=W. Europe Standard Time:20231123T090000",
        "DTEND;TZID=W. Europe Standard Time:20231123T110000",
        "CLASS:PUBLIC", "PRIORITY:5", "DTSTAMP:20231116T083012Z", "TRANSP:OPAQUE", "STATUS:CONFIRMED",
        "SEQUENCE:0", "LOCATION;LANGUAGE=de-DE:Schulungsraum 3.14 (Gebäude B)",
        "X-MICROSOFT-CDO-APPT-SEQUENCE:0", "X-MICROSOFT-CDO-OWNERAPPTID:2122483012",
        "X-MICROSOFT-CDO-BUSYSTATUS:TENTATIVE", "X-MICROSOFT-CDO-INTENDEDSTATUS:BUSY",
        "X-MICROSOFT-CDO-ALLDAYEVENT:FALSE", "X-MICROSOFT-CDO-IMPORTANCE:1", "X-MICROSOFT-CDO-INSTTYPE:0",
        "X-MICROSOFT-DONOTFORWARDMEETING:FALSE", "X-MICROSOFT-DISALLOW-COUNTER:FALSE",
        "X-MICROSOFT-LOCATIONS:[{\"DisplayName\":\"Schulungsraum 3.14 (Gebäude B)\",\"LocationAnnotation\":\"\",\"LocationSource\":0,\"Unresolved\":true,\"LocationUri\":\"\"}]",
        "BEGIN:VALARM", "DESCRIPTION:REMINDER", "TRIGGER;RELATED=START:-PT15M", "ACTION:DISPLAY", "END:VALARM",
        "END:VEVENT", "END:VCALENDAR"])
    altbody = mp(alt, [
        part([("Content-Type", 'text/plain; charset="utf-8"'), ("Content-Transfer-Encoding", "base64")], b64text(text)),
        part([("Content-Type", 'text/html; charset="utf-8"'), ("Content-Transfer-Encoding", "base64")], b64text(html)),
        part([("Content-Type", 'text/calendar; charset="utf-8"; method=REQUEST'), ("Content-Transfer-Encoding", "base64")], b64(cal)),
    ])
    body = mp(mix, [
        part([("Content-Type", 'multipart/alternative;\n\tboundary="%s"' % alt)], b"\n" + altbody),
        part([("Content-Type", 'application/ics; name="invite.ics"'), ("Content-Description", "invite.ics"),
              ("Content-Disposition", 'attachment; filename="invite.ics"; size=%d;\n\tcreation-date="Thu, 16 Nov 2023 08:30:12 GMT";\n\tmodification-date="Thu, 16 Nov 2023 08:30:12 GMT"' % len(cal)),
              ("Content-Transfer-Encoding", "base64")], b64(cal)),
    ])
    hdr = rcv("jens.krueger@example.com", "mail.example.com", "192.0.2.83", "4SVZ1b7Lz2z9v7d",
              "Thu, 16 Nov 2023 09:30:15 +0100 (CET)") + [
        ("Received", "from EXCH01.corp.example.com (10.1.2.11) by EXCH02.corp.example.com\n (10.1.2.12) with Microsoft SMTP Server (version=TLS1_2,\n cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id 15.2.1258.28; Thu, 16 Nov\n 2023 09:30:13 +0100"),
        ("Received", "from EXCH01.corp.example.com ([fe80::5d1:4c2b:9a3e:7f10]) by\n EXCH01.corp.example.com ([fe80::5d1:4c2b:9a3e:7f10%13]) with mapi id\n 15.02.1258.028; Thu, 16 Nov 2023 09:30:12 +0100"),
        ("From", "=?iso-8859-1?Q?Kr=FCger=2C_Jens?= <jens.krueger@example.com>"),
        ("To", "Omnihub Support <support@example.net>"),
        ("Subject", ewb("Schulung Ticketsystem – Termin am 23.11.", "utf-8")),
        ("Thread-Topic", ewb("Schulung Ticketsystem – Termin am 23.11.", "utf-8")),
        ("Thread-Index", tindex("83")),
        ("Date", "Thu, 16 Nov 2023 08:30:12 +0000"),
        ("Message-ID", "<%s@EXCH01.corp.example.com>" % key.lower()),
        ("Accept-Language", "de-DE, en-US"),
        ("Content-Language", "de-DE"),
        ("X-MS-Has-Attach", "yes"),
        ("X-MS-Exchange-Organization-SCL", "-1"),
        ("X-MS-TNEF-Correlator", ""),
        ("x-originating-ip", "[10.1.40.77]"),
        ("Content-Type", 'multipart/mixed;\n\tboundary="%s"' % mix),
        ("MIME-Version", "1.0")]
    add("83-exchange-meeting-invite-ics.eml", message(hdr, body),
        "Exchange 2019 on-premises meeting request to an external address: base64 UTF-8 text/plain and text/html, text/calendar; method=REQUEST (nameless) as third alternative, and the same iCalendar again as application/ics invite.ics; display name ISO-8859-1 Q-encoded with an encoded comma, subject B-encoded with an en dash.",
        "%s@EXCH01.corp.example.com" % key.lower(), "jens.krueger@example.com", "Krüger, Jens",
        "Schulung Ticketsystem – Termin am 23.11.",
        textContains=["schlage ich Donnerstag, 23.11., 9–11 Uhr vor.", "Mit freundlichen Grüßen"],
        textExcludes=["BEGIN:VCALENDAR", "SUMMARY;LANGUAGE", "SGFsbG8"],
        htmlContains=["<b>Donnerstag, 23.11., 9–11 Uhr</b>"], hasHtml=True,
        attachments=[A(None, "text/calendar", len(cal)), A("invite.ics", "application/ics", len(cal))],
        threadIndex=True)


def m84():
    outer, inner = "000000000000a3b4c5060a2f1e7d", "000000000000a3b4c4060a2f1e7b"
    eid = "NWYxYTJiM2M0ZDVlNmY3MDgxOTJhM2I0YzUgc3VwcG9ydEBleGFtcGxlLm5ldA"
    text = ("You have been invited to the following event.\n\n"
            "Title: Invoice INV-2023-0912 review\n"
            "When: Tuesday 21 Nov 2023 ⋅ 10:00 – 10:30 (Central European Time - Berlin)\n\n"
            "Joining info: Join with Google Meet\nhttps://meet.google.com/xbr-kqmd-pto\n\n"
            "Calendar: support@example.net\nWho:\n"
            "     * priya.raman@example.com - organiser\n"
            "     * support@example.net\n\n"
            "View all guest info  \nhttps://calendar.google.com/calendar/event?action=VIEW&eid=%s&tok=MjIjcHJpeWEucmFtYW5AZXhhbXBsZS5jb20&ctz=Europe%%2FBerlin&hl=en_GB&es=0\n\n"
            "Reply for support@example.net and view more details  \nhttps://calendar.google.com/calendar/event?action=VIEW&eid=%s&ctz=Europe%%2FBerlin&hl=en_GB&es=0\n"
            "Your attendance is optional.\n\n~~//~~\n"
            "Invitation from Google Calendar: https://calendar.google.com/calendar/\n\n"
            "You are receiving this email because you are an attendee on the event. To  \n"
            "stop receiving future updates for this event, decline this event.\n\n"
            "Forwarding this invitation could allow any recipient to send a response to  \n"
            "the organiser, be added to the guest list, invite others regardless of  \n"
            "their own invitation status, or modify your RSVP.\n\n"
            "Learn more https://support.google.com/calendar/answer/37135#forwarding\n") % (eid, eid)
    html = ('<span itemscope itemtype="http://schema.org/InformAction"><span style="display:none" itemprop="about" '
            'itemscope itemtype="http://schema.org/Person"><meta itemprop="description" content="Invitation from '
            'priya.raman@example.com"/></span><span itemprop="object" itemscope itemtype="http://schema.org/Event">'
            '<meta itemprop="eventStatus" content="http://schema.org/EventScheduled"/><span style="display:none" '
            'itemprop="name">Invoice INV-2023-0912 review</span><table border="0" cellpadding="0" cellspacing="0" '
            'role="presentation" style="width:100%;background-color:#ffffff"><tr><td style="padding:0 32px">'
            '<h2 style="font-size:22px;color:#3c4043;font-weight:400">Invoice INV-2023-0912 review</h2>'
            '<div style="font-size:14px;color:#3c4043"><span>Tuesday 21 Nov 2023 ⋅ 10:00 – 10:30 (Central European Time - Berlin)</span></div>'
            '<a href="https://meet.google.com/xbr-kqmd-pto?hs=224" style="color:#ffffff;background-color:#1a73e8">Join with Google Meet</a>'
            '<div style="color:#70757a">Invitation from Google Calendar</div></td></tr></table></span></span>\n')
    cal = ics(["BEGIN:VCALENDAR", "PRODID:-//Google Inc//Google Calendar 70.9054//EN", "VERSION:2.0",
               "CALSCALE:GREGORIAN", "METHOD:REQUEST", "BEGIN:VEVENT",
               "DTSTART:20231121T090000Z", "DTEND:20231121T093000Z", "DTSTAMP:20231115T092233Z",
               "ORGANIZER;CN=priya.raman@example.com:mailto:priya.raman@example.com",
               "UID:5f1a2b3c4d5e6f708192a3b4c5@google.com",
               "ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;RSVP=TRUE;CN=priya.raman@example.com;X-NUM-GUESTS=0:mailto:priya.raman@example.com",
               "ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=OPT-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE;CN=support@example.net;X-NUM-GUESTS=0:mailto:support@example.net",
               "X-GOOGLE-CONFERENCE:https://meet.google.com/xbr-kqmd-pto",
               "X-MICROSOFT-CDO-OWNERAPPTID:-1638521417",
               "CREATED:20231115T092232Z",
               "DESCRIPTION:-::~:~::~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~::~:~::-\\nJoin with Google Meet: https://meet.google.com/xbr-kqmd-pto\\n\\nLearn more about Meet at: https://support.google.com/a/users/answer/9282720\\n\\nPlease do not edit this section.\\n-::~:~::~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~::~:~::-",
               "LAST-MODIFIED:20231115T092232Z", "LOCATION:", "SEQUENCE:0", "STATUS:CONFIRMED",
               "SUMMARY:Invoice INV-2023-0912 review", "TRANSP:OPAQUE",
               "BEGIN:VALARM", "ACTION:DISPLAY", "DESCRIPTION:This is an event reminder", "TRIGGER:-P0DT0H10M0S", "END:VALARM",
               "END:VEVENT", "END:VCALENDAR"])
    altbody = mp(inner, [
        part([("Content-Type", 'text/plain; charset="UTF-8"; format=flowed; delsp=yes'),
              ("Content-Transfer-Encoding", "base64")], b64text(text)),
        part([("Content-Type", 'text/html; charset="UTF-8"'), ("Content-Transfer-Encoding", "quoted-printable")],
             qp(html.encode("utf-8"))),
        part([("Content-Type", 'text/calendar; charset="UTF-8"; method=REQUEST'), ("Content-Transfer-Encoding", "7bit")],
             lf(cal)),
    ])
    body = mp(outer, [
        part([("Content-Type", 'multipart/alternative; boundary="%s"' % inner)], altbody[:-1]),
        part([("Content-Type", 'application/ics; name="invite.ics"'),
              ("Content-Disposition", 'attachment; filename="invite.ics"'),
              ("Content-Transfer-Encoding", "base64")], b64(cal)),
    ])
    hdr = rcv("3ZZ1VZQ0KCX8mp--ptp5yh.lpxyniq.vrlwfqhwd@calendar-server.bounces.google.com", "mail-sor-f73.google.com",
              "209.85.220.73", "4SVKm41Q9Nz9v6b", "Wed, 15 Nov 2023 10:22:35 +0100 (CET)") + [
        ("DKIM-Signature", "v=1; a=rsa-sha256; c=relaxed/relaxed;\n        d=example.com; s=google; t=1700040153; x=1700644953; darn=example.net;\n        h=to:from:subject:date:message-id:sender:reply-to:mime-version:from\n         :to:cc:subject:date:message-id:reply-to;\n        bh=8Yc3ZqXnM0u1kYx6w1F9r2Y3mQkq0yZl1F2N3p4Q5r8=;\n        b=Q2FsZW5kYXJJbnZpdGF0aW9uU2lnbmF0dXJlUGxhY2Vob2xkZXJGb3JUZXN0c0Nv\n         cnB1czg0"),
        ("MIME-Version", "1.0"),
        ("X-Received", "by 2002:a17:90a:ce8a:b0:280:c5a1:4f5e with SMTP id g10-20020a17090ace8a00b00280c5a14f5emr3123587pju.23.1700040153211;\n Wed, 15 Nov 2023 01:22:33 -0800 (PST)"),
        ("Reply-To", "priya.raman@example.com"),
        ("Sender", "Google Calendar <calendar-notification@google.com>"),
        ("Message-ID", "<calendar-3f1c7a2e-9b4d-4e8a-b6c5-0d2e1f3a4b5c@google.com>"),
        ("Date", "Wed, 15 Nov 2023 09:22:33 +0000"),
        ("Subject", "Invitation: Invoice INV-2023-0912 review @ Tue 21 Nov 2023 10:00 - 10:30\n (CET) (support@example.net)"),
        ("From", "priya.raman@example.com"),
        ("To", "support@example.net"),
        ("Content-Type", 'multipart/mixed; boundary="%s"' % outer)]
    add("84-google-calendar-invite.eml", message(hdr, body),
        "Google Calendar invitation in Gmail's shape: multipart/mixed > multipart/alternative(base64 format=flowed;delsp=yes text/plain, QP schema.org html, 7bit text/calendar method=REQUEST without name) + application/ics invite.ics; From is the organizer, the machine only in Sender (no Auto-Submitted: a person's invitation, not machine mail); subject folded by Gmail; no blank line between the inner closing boundary and the outer one.",
        "calendar-3f1c7a2e-9b4d-4e8a-b6c5-0d2e1f3a4b5c@google.com", "priya.raman@example.com", None,
        "Invitation: Invoice INV-2023-0912 review @ Tue 21 Nov 2023 10:00 - 10:30 (CET) (support@example.net)",
        textContains=["Title: Invoice INV-2023-0912 review", "When: Tuesday 21 Nov 2023 ⋅ 10:00 – 10:30",
                      "https://meet.google.com/xbr-kqmd-pto"],
        textExcludes=["BEGIN:VCALENDAR", "X-GOOGLE-CONFERENCE", "WW91IGhhdmU"],
        htmlContains=['itemtype="http://schema.org/Event"', "Join with Google Meet"], hasHtml=True,
        attachments=[A(None, "text/calendar", len(cal)), A("invite.ics", "application/ics", len(cal))])


# --------------------------------------------------------------------------------------------
# 85-86 inline images without file names
# --------------------------------------------------------------------------------------------

def m85():
    outer = "Apple-Mail=_8C1D2E3F-4A5B-4C6D-8E7F-9A0B1C2D3E4F"
    rel = "Apple-Mail=_0A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D"
    cid = "5E8A4C2B-1D3F-4A6E-9B7C-0D1E2F3A4B5C"
    img = png(48, 30, "85-screenshot")
    text = ("Hello,\n\nwhen I export the monthly report I get the error below:\n\n\n\n"
            "It happens in Safari and in Firefox. Could you have a look?\n\nMerci,\nLéa Martin\n")
    html = ('<html aria-label="message body"><head><meta http-equiv="content-type" content="text/html; charset=utf-8"></head>'
            '<body style="overflow-wrap: break-word; -webkit-nbsp-mode: space; line-break: after-white-space;">Hello,'
            '<div><br></div><div>when I export the monthly report I get the error below:</div><div><br></div>'
            '<div><img src="cid:%s" alt="Screenshot 2023-11-16 at 09.10.12.png"></div><div><br></div>'
            '<div>It happens in Safari and in Firefox. Could you have a look?</div><div><br></div>'
            '<div>Merci,</div><div>Léa Martin</div></body></html>' % cid)
    relbody = mp(rel, [
        part([("Content-Transfer-Encoding", "quoted-printable"), ("Content-Type", "text/html;\n\tcharset=utf-8")],
             qp(html.encode("utf-8"))),
        part([("Content-Transfer-Encoding", "base64"), ("Content-Type", "image/png"), ("Content-Id", "<%s>" % cid)],
             b64(img)),
    ])
    body = mp(outer, [
        part([("Content-Transfer-Encoding", "quoted-printable"), ("Content-Type", "text/plain;\n\tcharset=utf-8")],
             qp(text.encode("utf-8"))),
        part([("Content-Type", 'multipart/related;\n\ttype="text/html";\n\tboundary="%s"' % rel)], b"\n" + relbody),
    ])
    hdr = rcv("lea.martin@example.org", "mail.example.org", "198.51.100.85", "4SVZ4g0Pn6z9v8f",
              "Thu, 16 Nov 2023 09:12:49 +0100 (CET)") + [
        ("From", "=?utf-8?Q?L=C3=A9a_Martin?= <lea.martin@example.org>"),
        ("Content-Type", 'multipart/alternative;\n\tboundary="%s"' % outer),
        ("Mime-Version", "1.0 (Mac OS X Mail 16.0 \\(3774.200.91.1.1\\))"),
        ("Subject", "Error message when exporting the report"),
        ("Message-Id", "<A7C3E1F9-2B4D-4F6A-8C0E-1D3F5A7B9C2E@example.org>"),
        ("Date", "Thu, 16 Nov 2023 09:12:45 +0100"),
        ("To", "support@example.net"),
        ("X-Mailer", "Apple Mail (2.3774.200.91.1.1)")]
    add("85-apple-inline-image-no-name.eml", message(hdr, body),
        "Apple Mail with a pasted screenshot: multipart/alternative(text/plain, multipart/related; type=\"text/html\"(html, image/png)); the image part has only CTE, Content-Type without name and a bare-UUID Content-Id - no Content-Disposition, no file name (filename null, inline because related + cid).",
        "A7C3E1F9-2B4D-4F6A-8C0E-1D3F5A7B9C2E@example.org", "lea.martin@example.org", "Léa Martin",
        "Error message when exporting the report",
        textContains=["when I export the monthly report I get the error below:", "Léa Martin"],
        textExcludes=["iVBORw0KGgo"],
        htmlContains=['<img src="cid:%s"' % cid], hasHtml=True,
        attachments=[A(None, "image/png", len(img), True, cid)])


def m86():
    rel, alt = "000000000000c1d2e3060a3b4c5d", "000000000000c1d2e2060a3b4c5c"
    cid = "ii_lp1x2y3z0"
    img = jpeg(5200, "86-sofa")
    text = ("Hi,\n\nthe sofa cover I received is grey, but I ordered \"petrol\" (order 7731). Photo:\n\n"
            "[image: image.png]\n\nCan you send the right one and a return label?\n\nThanks,\nTomás\n")
    html = ('<div dir="ltr">Hi,<div><br></div><div>the sofa cover I received is grey, but I ordered &quot;petrol&quot; '
            '(order 7731). Photo:</div><div><br></div><div><img src="cid:%s" alt="image.png" width="542" height="407"><br></div>'
            '<div><br></div><div>Can you send the right one and a return label?</div><div><br></div><div>Thanks,</div>'
            '<div>Tomás</div></div>\n' % cid)
    altbody = mp(alt, [
        part([("Content-Type", 'text/plain; charset="UTF-8"'), ("Content-Transfer-Encoding", "quoted-printable")],
             qp(text.encode("utf-8"))),
        part([("Content-Type", 'text/html; charset="UTF-8"'), ("Content-Transfer-Encoding", "quoted-printable")],
             qp(html.encode("utf-8"))),
    ])
    body = mp(rel, [
        part([("Content-Type", 'multipart/alternative; boundary="%s"' % alt)], altbody[:-1]),
        part([("Content-Type", "image/jpeg"), ("Content-Disposition", "inline"),
              ("Content-Transfer-Encoding", "base64"), ("Content-ID", "<%s>" % cid), ("X-Attachment-Id", cid)],
             b64(img)),
    ])
    hdr = rcv("tomas.oliveira@example.com", "mail-ej1-f86.example.com", "192.0.2.86", "4SVZ7q2Xb1z9v9h",
              "Thu, 16 Nov 2023 10:03:31 +0100 (CET)") + [
        ("MIME-Version", "1.0"),
        ("From", "=?UTF-8?B?VG9tw6FzIE9saXZlaXJh?= <tomas.oliveira@example.com>"),
        ("Date", "Thu, 16 Nov 2023 10:03:27 +0100"),
        ("Message-ID", "<CAH7rN2kq4Ws0e+Lx9fZ3mT1vB8yQ5cJ6dR0aU2pV9sE4hG7iKw@mail.example.com>"),
        ("Subject", "Wrong colour delivered (photo)"),
        ("To", "support@example.net"),
        ("Content-Type", 'multipart/related; boundary="%s"' % rel)]
    add("86-gmail-inline-image-no-filename.eml", message(hdr, body),
        "Gmail (Android app) inline photo: multipart/related > multipart/alternative + image/jpeg with Content-Disposition: inline but no filename/name, a Content-ID and X-Attachment-Id; the related part comes first in Gmail's order (inline=true, filename null, cid without '@').",
        "CAH7rN2kq4Ws0e+Lx9fZ3mT1vB8yQ5cJ6dR0aU2pV9sE4hG7iKw@mail.example.com", "tomas.oliveira@example.com",
        "Tomás Oliveira", "Wrong colour delivered (photo)",
        textContains=['but I ordered "petrol" (order 7731)', "Can you send the right one and a return label?"],
        textExcludes=["/9j/4AAQ"],
        htmlContains=['<img src="cid:%s"' % cid], hasHtml=True,
        attachments=[A(None, "image/jpeg", len(img), True, cid)])


# --------------------------------------------------------------------------------------------
# 87-91 OpenPGP and S/MIME
# --------------------------------------------------------------------------------------------

def pgp_signature_packet(seed, created, keyid):
    hashed = b"\x05\x02" + struct.pack(">I", created)
    unhashed = b"\x09\x10" + keyid
    body = (b"\x04\x01\x01\x08" + struct.pack(">H", len(hashed)) + hashed + struct.pack(">H", len(unhashed)) + unhashed
            + prng(seed + "-left", 2) + b"\x10\x00" + b"\x80" + prng(seed + "-mpi", 511))
    return b"\x89" + struct.pack(">H", len(body)) + body


def m87():
    b = "Dxnq1zWXvFF0Q93v"
    text = ("Hi,\n\n"
            "since this morning ssh warns that the host key of sftp.example.net has\n"
            "changed:\n\n"
            "  ED25519 key fingerprint is SHA256:7pQk3vM9sX2bL0cR5tY8uW1eA4dF6gH3jK9nZ2qV0xE.\n\n"
            "Did you rotate the key, or should I treat this as an incident? \n"
            "The fingerprint you published in ticket 48211 was different.\n\n"
            "Regards,\nKai\n\n"
            "-- \nKai Petersen, Datenbanken & Betrieb\n"
            "GPG: 4F3A 9C21 7B55 E0D8 1A6C  2B94 D7E3 0F18 6A4C 92B1\n")
    sig = armor("SIGNATURE", pgp_signature_packet("87", 1700128965, bytes.fromhex("D7E30F186A4C92B1")), version="GnuPG v1")
    body = mp(b, [
        part([("Content-Type", "text/plain; charset=us-ascii"), ("Content-Disposition", "inline"),
              ("Content-Transfer-Encoding", "quoted-printable")], qp(text.encode())),
        part([("Content-Type", "application/pgp-signature"), ("Content-Disposition", "inline")], sig),
    ], preamble="")
    hdr = rcv("kai.petersen@example.org", "lap.example.org", "198.51.100.87", "4SVb0c3Rq8z9vBk",
              "Thu, 16 Nov 2023 11:02:47 +0100 (CET)") + [
        ("Date", "Thu, 16 Nov 2023 11:02:45 +0100"),
        ("From", "Kai Petersen <kai.petersen@example.org>"),
        ("To", "support@example.net"),
        ("Subject", "SSH host key changed on sftp.example.net?"),
        ("Message-ID", "<20231116100245.GA23817@lap.example.org>"),
        ("MIME-Version", "1.0"),
        ("Content-Type", 'multipart/signed; micalg=pgp-sha256;\n\tprotocol="application/pgp-signature"; boundary="%s"' % b),
        ("Content-Disposition", "inline"),
        ("User-Agent", "Mutt/1.5.21 (2010-09-15)")]
    add("87-mutt-pgp-signed.eml", message(hdr, body),
        "Mutt 1.5 PGP/MIME multipart/signed: empty preamble line, text part QP with Content-Disposition: inline ('--=20' signature separator, '=20' soft trailing space), signature part 'application/pgp-signature' with Content-Disposition: inline and NO name (filename null; inline=false: no Content-ID, not shown in the body).",
        "20231116100245.GA23817@lap.example.org", "kai.petersen@example.org", "Kai Petersen",
        "SSH host key changed on sftp.example.net?",
        textContains=["the host key of sftp.example.net has", "should I treat this as an incident?", "Kai Petersen, Datenbanken & Betrieb"],
        textExcludes=["=20", "BEGIN PGP SIGNATURE", "iQIcBAEBCAAG"],
        attachments=[A(None, "application/pgp-signature", wire_len(sig))],
        expect_python={"inline"})


def m88():
    b = "------------p0Ln4cRyPt3dB0uNdAry12"
    keyid = bytes.fromhex("8C3D1E5F7A9B2C4D")
    pkesk = lambda seed, kid: (b"\xc1\x5e\x03" + kid + b"\x12\x01\x07\x40" + prng(seed, 32) + b"\x30" + prng(seed + "w", 48))
    seipd_body = b"\x01" + prng("88-seipd", 820)
    n = len(seipd_body) - 192
    seipd = b"\xd2" + bytes([(n >> 8) + 192, n & 0xFF]) + seipd_body
    enc = armor("MESSAGE", pkesk("88-k1", keyid) + pkesk("88-k2", bytes.fromhex("1F2E3D4C5B6A7988")) + seipd, width=76)
    version = b"Version: 1\n"
    body = mp(b, [
        part([("Content-Type", "application/pgp-encrypted"), ("Content-Description", "PGP/MIME version identification")], version),
        part([("Content-Type", 'application/octet-stream; name="encrypted.asc"'),
              ("Content-Description", "OpenPGP encrypted message"),
              ("Content-Disposition", 'inline; filename="encrypted.asc"')], enc),
    ], preamble="This is an OpenPGP/MIME encrypted message (RFC 4880 and 3156)")
    keydata = base64.b64encode(b"\xc6\x33\x04\x65\x55\xc1\x20\x16\x09\x2b\x06\x01\x04\x01\xda\x47\x0f\x01\x01\x07\x40"
                               + prng("88-autocrypt", 280)).decode()
    folded = "\n ".join(keydata[i:i + 76] for i in range(0, len(keydata), 76))
    hdr = rcv("ada.lovelace@example.com", "mail.example.com", "192.0.2.88", "4SVb3k5Tt1z9vCm",
              "Thu, 16 Nov 2023 12:15:06 +0100 (CET)") + [
        ("Message-ID", "<6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d@example.com>"),
        ("Date", "Thu, 16 Nov 2023 12:15:03 +0100"),
        ("MIME-Version", "1.0"),
        ("User-Agent", "Mozilla Thunderbird"),
        ("Content-Language", "en-GB"),
        ("To", "support@example.net"),
        ("From", "Ada Lovelace <ada.lovelace@example.com>"),
        ("Subject", "..."),
        ("Autocrypt", "addr=ada.lovelace@example.com; keydata=\n " + folded),
        ("Content-Type", 'multipart/encrypted;\n protocol="application/pgp-encrypted";\n boundary="%s"' % b)]
    add("88-pgp-mime-encrypted.eml", message(hdr, body),
        "Thunderbird 115 OpenPGP (RFC 3156) multipart/encrypted: application/pgp-encrypted 'Version: 1' part without name + application/octet-stream encrypted.asc with Content-Disposition: inline (no Content-ID, so not inline); protected subject '...'; long folded Autocrypt header; no readable text at all, and the preamble is not text.",
        "6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d@example.com", "ada.lovelace@example.com", "Ada Lovelace", "...",
        textExcludes=["This is an OpenPGP/MIME encrypted message", "BEGIN PGP MESSAGE", "Version: 1"],
        attachments=[A(None, "application/pgp-encrypted", wire_len(version)),
                     A("encrypted.asc", "application/octet-stream", wire_len(enc))],
        expect_python={"inline"})


def m89():
    inner = crlf(message([("Content-Type", 'text/plain; charset="us-ascii"'), ("Content-Transfer-Encoding", "7bit")],
                         "Hello,\n\nplease use the new delivery address for all open orders from 1 December:\n\n"
                         "Grant Industrial Ltd\nUnit 4, Riverside Park\nLeeds LS10 1AB\n\nOliver\n"))
    p7m = smime_signed_data(inner, "89", "Oliver Grant", "oliver.grant@example.com")
    hdr = [("Received", "from LO2P265MB5123.GBRP265.PROD.example.com (2603:10a6:600:a1::9) by\n LO2P265MB4410.GBRP265.PROD.example.com with HTTPS; Thu, 16 Nov 2023 13:30:12\n +0000"),
           ("From", "Oliver Grant <oliver.grant@example.com>"),
           ("To", '"support@example.net" <support@example.net>'),
           ("Subject", "Updated delivery address for all open orders"),
           ("Thread-Topic", "Updated delivery address for all open orders"),
           ("Thread-Index", tindex("89")),
           ("Date", "Thu, 16 Nov 2023 13:30:11 +0000"),
           ("Message-ID", "<LO2P265MB5123A1B2C3D4E5F60718293A4B5C6D7E@LO2P265MB5123.GBRP265.PROD.example.com>"),
           ("Accept-Language", "en-GB, en-US"),
           ("Content-Language", "en-GB"),
           ("X-MS-Has-Attach", "yes"),
           ("X-MS-TNEF-Correlator", ""),
           ("Content-Type", 'application/pkcs7-mime; smime-type=signed-data;\n\tname="smime.p7m"'),
           ("Content-Disposition", 'attachment; filename="smime.p7m"'),
           ("Content-Transfer-Encoding", "base64"),
           ("MIME-Version", "1.0")]
    add("89-smime-opaque-signed-outlook.eml", message(hdr, b64(p7m)),
        "Outlook/Exchange Online S/MIME opaque-signed: the whole mail is one application/pkcs7-mime; smime-type=signed-data smime.p7m (BER indefinite-length CMS with the real text inside): kept as one attachment, no text (unwrapping CMS is out of scope), its base64 never shows as text.",
        "LO2P265MB5123A1B2C3D4E5F60718293A4B5C6D7E@LO2P265MB5123.GBRP265.PROD.example.com",
        "oliver.grant@example.com", "Oliver Grant", "Updated delivery address for all open orders",
        textExcludes=["MIAGCSqGSIb3DQEHAqCAMIACAQEx"],
        attachments=[A("smime.p7m", "application/pkcs7-mime", len(p7m))], threadIndex=True)


def m90():
    p7m = smime_enveloped_data(1900, "90", [("Omnihub Support", "support@example.net"), ("Sanna Virtanen", "sanna.virtanen@example.org")])
    hdr = rcv("sanna.virtanen@example.org", "mail.example.org", "198.51.100.90", "4SVb6n7Ww4z9vDp",
              "Thu, 16 Nov 2023 13:48:30 +0100 (CET)") + [
        ("Content-Type", "application/pkcs7-mime;\n\tname=smime.p7m;\n\tsmime-type=enveloped-data"),
        ("Content-Transfer-Encoding", "base64"),
        ("From", "Sanna Virtanen <sanna.virtanen@example.org>"),
        ("Mime-Version", "1.0 (Mac OS X Mail 16.0 \\(3774.200.91.1.1\\))"),
        ("Subject", "Salary data for the payroll import"),
        ("Message-Id", "<3B9D5F71-8A2C-4E6B-9D0F-1A3C5E7B9D2F@example.org>"),
        ("Date", "Thu, 16 Nov 2023 13:48:27 +0100"),
        ("Content-Disposition", "attachment;\n\tfilename=smime.p7m"),
        ("To", "support@example.net"),
        ("X-Mailer", "Apple Mail (2.3774.200.91.1.1)")]
    add("90-smime-encrypted-apple.eml", message(hdr, b64(p7m)),
        "Apple Mail S/MIME encrypted: top-level application/pkcs7-mime; name=smime.p7m (unquoted); smime-type=enveloped-data, Content-Disposition after Date as Apple orders it; CMS EnvelopedData for two recipients: one attachment smime.p7m, no text, no failure.",
        "3B9D5F71-8A2C-4E6B-9D0F-1A3C5E7B9D2F@example.org", "sanna.virtanen@example.org", "Sanna Virtanen",
        "Salary data for the payroll import",
        textExcludes=["MIAGCSqGSIb3DQEHA6CAMIACAQAx"],
        attachments=[A("smime.p7m", "application/pkcs7-mime", len(p7m))])


def m91():
    sb = "----=_Part_4711_1736452187.1700142912337"
    mb = "----=_Part_4710_2084122390.1700142912336"
    invoice = pdf(["Rechnung 2023-11-0457", "Kunde 40211 - Omnihub GmbH", "Betrag: 1.190,00 EUR"], seed="91")
    text = ("Sehr geehrte Damen und Herren,\n\n"
            "anbei erhalten Sie unsere Rechnung 2023-11-0457 vom 16.11.2023 als PDF.\n"
            "Diese E-Mail ist mit einem S/MIME-Zertifikat signiert.\n\n"
            "Mit freundlichen Grüßen\nIhre Buchhaltung\nLieferant Nord GmbH\n")
    signed = mp(mb, [
        part([("Content-Type", "text/plain; charset=UTF-8"), ("Content-Transfer-Encoding", "quoted-printable")],
             qp(text.encode("utf-8"))),
        part([("Content-Type", "application/pdf; name=Rechnung_2023-11-0457.pdf"), ("Content-Transfer-Encoding", "base64"),
              ("Content-Disposition", "attachment; filename=Rechnung_2023-11-0457.pdf")], b64(invoice)),
    ])
    signed_entity = part([("Content-Type", 'multipart/mixed; \n\tboundary="%s"' % mb)], signed[:-1])
    sig = smime_detached_signature("91", "Lieferant Nord GmbH Buchhaltung", "rechnung@lieferant.example.com", crlf(signed_entity))
    body = mp(sb, [
        signed_entity,
        part([("Content-Type", "application/pkcs7-signature"), ("Content-Transfer-Encoding", "base64")], b64(sig)),
    ])
    hdr = rcv("rechnung@lieferant.example.com", "erp.lieferant.example.com", "198.51.100.91", "4SVbB1c8Yy7z9vFr",
              "Thu, 16 Nov 2023 14:55:13 +0100 (CET)") + [
        ("Date", "Thu, 16 Nov 2023 14:55:12 +0100 (CET)"),
        ("From", "Lieferant Nord GmbH - Buchhaltung <rechnung@lieferant.example.com>"),
        ("To", "support@example.net"),
        ("Message-ID", "<1215478652.4712.1700142912338@erp.lieferant.example.com>"),
        ("Subject", "Rechnung 2023-11-0457"),
        ("MIME-Version", "1.0"),
        ("Content-Type", 'multipart/signed; protocol="application/pkcs7-signature"; micalg=sha-256; \n\tboundary="%s"' % sb),
        ("X-Mailer", "Lieferant-ERP 9.4 (JavaMail, S/MIME gateway)")]
    add("91-smime-signed-unnamed-signature.eml", message(hdr, body),
        "S/MIME signing gateway on JavaMail (----=_Part_ boundaries, 'multipart/signed; ...; \\n\\tboundary'): signed part is multipart/mixed with text + invoice PDF; the detached signature is just 'Content-Type: application/pkcs7-signature' + base64 - no name, no filename, no Content-Disposition (filename null, after the PDF in document order).",
        "1215478652.4712.1700142912338@erp.lieferant.example.com", "rechnung@lieferant.example.com",
        "Lieferant Nord GmbH - Buchhaltung", "Rechnung 2023-11-0457",
        textContains=["anbei erhalten Sie unsere Rechnung 2023-11-0457 vom 16.11.2023 als PDF.", "Mit freundlichen Grüßen"],
        textExcludes=["MIIG", "=C3"],
        attachments=[A("Rechnung_2023-11-0457.pdf", "application/pdf", len(invoice)),
                     A(None, "application/pkcs7-signature", len(sig))])


# --------------------------------------------------------------------------------------------
# 92-93 read receipts (RFC 8098 MDN)
# --------------------------------------------------------------------------------------------

def m92():
    b = "------------mdn3C5E7A9B1D2F4A6C8E0B2D4F"
    orig_id = "ticket-48305-out-1700121000.1@support.example.net"
    first = ("This is a Return Receipt for the mail that you sent to birgit.hoffmann@example.org.\n\n"
             "Note: This Return Receipt only acknowledges that the message was displayed on the recipient's computer. "
             "There is no guarantee that the recipient has read or understood the message contents.\n").encode()
    second = ("Reporting-UA: pc-hoffmann.fritz.box; Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:109.0) Gecko/20100101 Thunderbird/115.4.2\n"
              "Final-Recipient: rfc822;birgit.hoffmann@example.org\n"
              "Original-Message-ID: <%s>\n"
              "Disposition: manual-action/MDN-sent-manually; displayed\n" % orig_id).encode()
    third = ("Return-Path: <support@example.net>\n"
             "Delivered-To: birgit.hoffmann@example.org\n"
             "Received: from hub.example.net (hub.example.net [203.0.113.2])\n"
             "\tby mail.example.org (Postfix) with ESMTPS id 4SVWq83mKpz7tQ1\n"
             "\tfor <birgit.hoffmann@example.org>; Thu, 16 Nov 2023 08:50:02 +0100 (CET)\n"
             "Date: Thu, 16 Nov 2023 08:50:00 +0100 (CET)\n"
             "From: Omnihub Support <support@example.net>\n"
             "To: birgit.hoffmann@example.org\n"
             "Message-ID: <%s>\n"
             "In-Reply-To: <b2c4e6f8-1a3c-4e5f-8a9b-0c1d2e3f4a5b@example.org>\n"
             "References: <b2c4e6f8-1a3c-4e5f-8a9b-0c1d2e3f4a5b@example.org>\n"
             "Subject: =?UTF-8?Q?Re:_[Ticket_#48305]_Ihre_R=C3=BCcksendung?=\n"
             "MIME-Version: 1.0\n"
             "Content-Type: multipart/alternative; \n"
             "\tboundary=\"----=_Part_7_1000055433.1700121000412\"\n"
             "Disposition-Notification-To: support@example.net\n" % orig_id).encode()
    body = mp(b, [
        part([("Content-Type", "text/plain; charset=UTF-8"), ("Content-Transfer-Encoding", "8bit")], first),
        part([("Content-Type", 'message/disposition-notification; name="MDNPart2.txt"'), ("Content-Disposition", "inline"),
              ("Content-Transfer-Encoding", "7bit")], second),
        part([("Content-Type", 'text/rfc822-headers; name="MDNPart3.txt"'), ("Content-Transfer-Encoding", "7bit"),
              ("Content-Disposition", "inline")], third),
    ])
    hdr = rcv("birgit.hoffmann@example.org", "mail.example.org", "198.51.100.92", "4SVbE4f1Zz0z9vGs",
              "Thu, 16 Nov 2023 15:20:18 +0100 (CET)") + [
        ("Date", "Thu, 16 Nov 2023 15:20:14 +0100"),
        ("From", "Birgit Hoffmann <birgit.hoffmann@example.org>"),
        ("Message-ID", "<d8e0f2a4-6b8c-4d0e-9f1a-3b5c7d9e1f20@example.org>"),
        ("Subject", "Return Receipt (displayed) - =?UTF-8?Q?Re=3A_=5BTicket_=2348305=5D_Ihre_R=C3=BCcksendung?="),
        ("To", "support@example.net"),
        ("References", "<%s>" % orig_id),
        ("MIME-Version", "1.0"),
        ("Content-Type", 'multipart/report; report-type=disposition-notification;\n\tboundary="%s"' % b)]
    add("92-mdn-thunderbird.eml", message(hdr, body),
        "Thunderbird read receipt exactly as nsMsgMdnGenerator writes it (Date first, References to our mail, no preamble, 8bit UTF-8 text part): message/disposition-notification and text/rfc822-headers carry name=\"MDNPart2.txt\"/\"MDNPart3.txt\" and Content-Disposition: inline (kept as files with those names, not inline); machine mail, not a bounce; the quoted original headers must not leak into the text.",
        "d8e0f2a4-6b8c-4d0e-9f1a-3b5c7d9e1f20@example.org", "birgit.hoffmann@example.org", "Birgit Hoffmann",
        "Return Receipt (displayed) - Re: [Ticket #48305] Ihre Rücksendung",
        textContains=["This is a Return Receipt for the mail that you sent to birgit.hoffmann@example.org.",
                      "There is no guarantee that the recipient has read or understood the message contents."],
        textExcludes=["Disposition: manual-action", "Reporting-UA", "Disposition-Notification-To"],
        attachments=[A("MDNPart2.txt", "message/disposition-notification", wire_len(second)),
                     A("MDNPart3.txt", "text/rfc822-headers", wire_len(third))],
        flags=["AUTO_SUBMITTED"], references=[orig_id], expect_python={"inline", "flags"})


def m93():
    b = "----=_NextPart_000_000D_01DA187F.4567A9D0"
    orig_id = "ticket-48302-out-1700125331.1@support.example.net"
    text = ("Your message\n\n"
            "  To: Henrik Berg\n"
            "  Subject: [Ticket #48302] Your quote Q-2291\n"
            "  Sent: Thursday, November 16, 2023 10:02:11 AM (UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna\n\n"
            "was read on Thursday, November 16, 2023 11:41:07 AM (UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna.\n\n").encode()
    dn = ("Reporting-UA: LAPTOP-7HB2QK; Microsoft Outlook 16.0\n"
          "Final-Recipient: rfc822;henrik.berg@example.org\n"
          "Original-Message-ID: <%s>\n"
          "Disposition: manual-action/MDN-sent-manually; displayed\n" % orig_id).encode()
    ohdr, obody = hub_mail(orig_id, "henrik.berg@example.org", "[Ticket #48302] Your quote Q-2291",
                           "Dear Mr Berg,\n\nattached is your quote Q-2291 as discussed.\n\nKind regards\nOmnihub Support\n",
                           "Thu, 16 Nov 2023 10:02:11 +0100 (CET)", 2, 1700125331000,
                           extra=[("Disposition-Notification-To", "support@example.net")])
    orig = message(ohdr, obody)
    body = mp(b, [
        part([("Content-Type", 'text/plain;\n\tcharset="us-ascii"'), ("Content-Transfer-Encoding", "7bit")], text),
        part([("Content-Type", "message/disposition-notification")], dn),
        part([("Content-Type", "message/rfc822")], orig),
    ], preamble="This is a multipart message in MIME format.\n")
    hdr = rcv("henrik.berg@example.org", "mail.example.org", "198.51.100.93", "4SVbH7j4Cc3z9vHt",
              "Thu, 16 Nov 2023 11:41:10 +0100 (CET)") + [
        ("From", '"Henrik Berg" <henrik.berg@example.org>'),
        ("To", "<support@example.net>"),
        ("Subject", "Read: [Ticket #48302] Your quote Q-2291"),
        ("Date", "Thu, 16 Nov 2023 11:41:07 +0100"),
        ("Message-ID", "<000c01da1876$e3a0c1d0$aae24570$@example.org>"),
        ("MIME-Version", "1.0"),
        ("Content-Type", 'multipart/report;\n\treport-type=disposition-notification;\n\tboundary="%s"' % b),
        ("X-Mailer", "Microsoft Outlook 16.0"),
        ("Thread-Index", tindex("93", 1)),
        ("Content-Language", "en-gb")]
    add("93-mdn-outlook.eml", message(hdr, body),
        "Outlook 16 read receipt ('Read: ...'): multipart/report; report-type=disposition-notification folded over three lines, 7bit text part 'Your message ... was read on', message/disposition-notification with no name and no disposition, and our original mail back as message/rfc822 (both nameless files); Thread-Index; machine mail, not a bounce.",
        "000c01da1876$e3a0c1d0$aae24570$@example.org", "henrik.berg@example.org", "Henrik Berg",
        "Read: [Ticket #48302] Your quote Q-2291",
        textContains=["was read on Thursday, November 16, 2023 11:41:07 AM"],
        textExcludes=["Reporting-UA", "attached is your quote Q-2291"],
        attachments=[A(None, "message/disposition-notification", wire_len(dn)),
                     A(None, "message/rfc822", wire_len(orig))],
        flags=["AUTO_SUBMITTED"], threadIndex=True, expect_python={"flags"})


# --------------------------------------------------------------------------------------------
# 94-98 delivery status notifications (RFC 3464)
# --------------------------------------------------------------------------------------------

GMAIL_ICON = png(24, 24, "gmail-error-icon")


def m94():
    rep, rel, alt = "000000000000d4e5f6060a4c5d6e", "000000000000d4e5f7060a4c5d6f", "000000000000d4e5f8060a4c5d70"
    orig_id = "ticket-48306-out-1700126540.1@support.example.net"
    rcpt = "l.moreau@example.org"
    text = ("\n** Address not found **\n\n"
            "Your message wasn't delivered to %s because the address couldn't be found, or is unable to receive mail.\n\n"
            "Learn more here: https://support.google.com/mail/?p=NoSuchUser\n\n"
            "The response was:\n\n"
            "550 5.1.1 <%s>: Recipient address rejected: User unknown in virtual mailbox table\n" % (rcpt, rcpt)).encode()
    html = ("\n<html>\n<head>\n<style>\n* {\nfont-family:Roboto, \"Helvetica Neue\", Helvetica, Arial, sans-serif;\n}\n</style>\n</head>\n<body>\n"
            "<table cellpadding=\"0\" cellspacing=\"0\" class=\"email-wrapper\" style=\"padding-top:32px;background-color:#ffffff;\"><tbody>\n"
            "<tr><td>\n<table cellpadding=0 cellspacing=0><tbody>\n"
            "<tr><td style=\"max-width:560px;padding:24px 24px 32px;background-color:#fafafa;border:1px solid #e0e0e0;border-radius:2px\">\n"
            "<img style=\"padding:0 24px 16px 0;float:left\" width=72 height=72 alt=\"Error Icon\" src=\"cid:icon.png\">\n"
            "<table style=\"min-width:272px;padding-top:8px\"><tbody>\n"
            "<tr><td><h2 style=\"font-size:20px;color:#212121;font-weight:bold;margin:0\">\nAddress not found\n</h2></td></tr>\n"
            "<tr><td style=\"padding-top:20px;color:#757575;font-size:16px;font-weight:normal;text-align:left\">\n"
            "Your message wasn't delivered to <a style='color:#212121;text-decoration:none'><b>%s</b></a> because the address couldn't be found, or is unable to receive mail.\n"
            "</td></tr>\n"
            "<tr><td style=\"padding-top:24px;color:#4285F4;font-size:14px;font-weight:bold;text-align:left\">\n"
            "<a style=\"text-decoration:none\" href=\"https://support.google.com/mail/?p=NoSuchUser\">LEARN MORE</a>\n</td></tr>\n"
            "</tbody></table>\n</td></tr>\n</tbody></table>\n</td></tr>\n"
            "<tr style=\"border:none;background-color:#fff;font-size:12.8px;width:90%%\">\n<td align=\"left\" style=\"padding:48px 10px\">\n"
            "The response was:<br/>\n<p style=\"font-family:monospace\">\n"
            "550 5.1.1 &lt;%s&gt;: Recipient address rejected: User unknown in virtual mailbox table\n</p>\n</td>\n</tr>\n"
            "</tbody></table>\n</body>\n</html>\n" % (rcpt, rcpt)).encode()
    ds = ("Reporting-MTA: dns; googlemail.com\n"
          "Received-From-MTA: dns; support@example.net\n"
          "Arrival-Date: Thu, 16 Nov 2023 01:22:31 -0800 (PST)\n"
          "X-Original-Message-ID: <%s>\n\n"
          "Final-Recipient: rfc822; %s\n"
          "Action: failed\n"
          "Status: 5.1.1\n"
          "Remote-MTA: dns; mx.example.org. (198.51.100.94, the server for the domain example.org.)\n"
          "Diagnostic-Code: smtp; 550 5.1.1 <%s>: Recipient address rejected: User unknown in virtual mailbox table\n"
          "Last-Attempt-Date: Thu, 16 Nov 2023 01:22:33 -0800 (PST)\n" % (orig_id, rcpt, rcpt)).encode()
    ohdr, obody = hub_mail(orig_id, rcpt, "[Ticket #48306] Your return label",
                           "Hello Ms Moreau,\n\nyour return label for order 7744 is attached to your customer account.\n\nOmnihub Support\n",
                           "Thu, 16 Nov 2023 10:22:20 +0100 (CET)", 3, 1700126540112)
    ohdr = [("DKIM-Signature", "v=1; a=rsa-sha256; c=relaxed/relaxed;\n        d=example.net; s=google; t=1700126551; x=1700731351; darn=example.org;\n        h=subject:message-id:to:from:date:mime-version:from:to:cc:subject\n         :date:message-id:reply-to;\n        bh=Jq0bC3o7ZK2s1S4vT6wX8yZ0aB2cD4eF6gH8iJ0kL2M=;\n        b=T3JpZ2luYWxEa2ltU2lnbmF0dXJlUGxhY2Vob2xkZXJGb3JHbWFpbERzbjk0\n         X3Rlc3Q=")] + ohdr
    orig = message(ohdr, obody)
    altbody = mp(alt, [part([("Content-Type", 'text/plain; charset="UTF-8"')], text),
                       part([("Content-Type", 'text/html; charset="UTF-8"')], html)])
    relbody = mp(rel, [
        part([("Content-Type", 'multipart/alternative; boundary="%s"' % alt)], altbody[:-1]),
        part([("Content-Type", 'image/png; name="icon.png"'), ("Content-Disposition", 'attachment; filename="icon.png"'),
              ("Content-Transfer-Encoding", "base64"), ("Content-ID", "<icon.png>")], b64(GMAIL_ICON)),
    ])
    body = mp(rep, [
        part([("Content-Type", 'multipart/related; boundary="%s"' % rel)], relbody[:-1]),
        part([("Content-Type", "message/delivery-status")], ds),
        part([("Content-Type", "message/rfc822")], orig),
    ])
    hdr = [("Delivered-To", "support@example.net"),
           ("Received", "by 2002:a05:7300:5f1a:b0:24e:1c2d:8f3a with SMTP id b26csp1234567dyb;\n        Thu, 16 Nov 2023 01:22:34 -0800 (PST)"),
           ("X-Google-Smtp-Source", "AGHT+IHk3Lq2Vx7Zp0Yb9Nc4Rf1Ts8Wm6Ud5Eg2Kh3Jj0Ai7Ol4Pq9Sr2Ty5Uw8Xz1Bv6Cx3Dn0Fm7Gk4Hl1Ij"),
           ("X-Received", "by 2002:a05:6402:1a4c:b0:547:4b8e:2a1c with SMTP id bf12-20020a0564021a4c00b005474b8e2a1cmr2345678edb.17.1700126554123;\n        Thu, 16 Nov 2023 01:22:34 -0800 (PST)"),
           ("Return-Path", "<>"),
           ("Received", "from mail-sor-f69.google.com (mail-sor-f69.google.com. [209.85.220.69])\n        by mx.google.com with SMTPS id a4-20020a056402168400b005437a2b1f9esor1234567edv.21.2023.11.16.01.22.33\n        for <support@example.net>\n        (Google Transport Security);\n        Thu, 16 Nov 2023 01:22:34 -0800 (PST)"),
           ("Content-Type", 'multipart/report; boundary="%s"; report-type=delivery-status' % rep),
           ("Return-Path", "<>"),
           ("Received", "by 2002:a05:6402:1684:b0:543:7a2b:1f9e with SMTP id a4csp1234567edv; Thu, 16 Nov 2023\n 01:22:33 -0800 (PST)"),
           ("Date", "Thu, 16 Nov 2023 01:22:33 -0800 (PST)"),
           ("From", "Mail Delivery Subsystem <mailer-daemon@googlemail.com>"),
           ("To", "support@example.net"),
           ("Auto-Submitted", "auto-replied"),
           ("Message-ID", "<6555de59.050a0220.1a2b3.9c8dSMTPIN_ADDED_BROKEN@mx.google.com>"),
           ("Subject", "Delivery Status Notification (Failure)"),
           ("References", "<%s>" % orig_id),
           ("In-Reply-To", "<%s>" % orig_id),
           ("X-Failed-Recipients", rcpt)]
    add("94-dsn-gmail.eml", message(hdr, body),
        "Gmail / Google Workspace DSN from mailer-daemon@googlemail.com: Content-Type before the second Return-Path, multipart/report > multipart/related(multipart/alternative(text, html), icon.png with Content-Disposition: attachment AND Content-ID <icon.png>) + message/delivery-status + message/rfc822 (nameless); 'Received-From-MTA: dns; <an e-mail address>' quirk; X-Failed-Recipients; In-Reply-To/References of the bounced mail.",
        "6555de59.050a0220.1a2b3.9c8dSMTPIN_ADDED_BROKEN@mx.google.com", "mailer-daemon@googlemail.com",
        "Mail Delivery Subsystem", "Delivery Status Notification (Failure)",
        textContains=["** Address not found **", "Your message wasn't delivered to l.moreau@example.org"],
        textExcludes=["Reporting-MTA", "your return label for order 7744"],
        htmlContains=['src="cid:icon.png"'], hasHtml=True,
        attachments=[A("icon.png", "image/png", len(GMAIL_ICON), False, "icon.png"),
                     A(None, "message/rfc822", wire_len(orig))],
        flags=["AUTO_SUBMITTED", "BOUNCE"], bounceRecipients=[rcpt],
        inReplyTo=orig_id, references=[orig_id])


def m95():
    rep = "7f3e2d1c-0b9a-4876-a5b4-c3d2e1f0a9b8"
    alt = "_000_c0ffee1234564789abcdef0123456789AM9PR01MB7745eurprd01pr_"
    orig_id = "ticket-48307-out-1700139900.1@support.example.net"
    server = "AM9PR01MB7745.eurprd01.prod.example.com"
    r1, r2 = "sales-team@northwind.example.com", "purchasing@northwind.example.com"
    diag = ("550 5.7.129 RESOLVER.RST.RestrictedToRecipientsPermission; not authorized to send to the recipient "
            "because the sender isn't on the recipient's list of senders to accept mail from")
    text = ("Delivery has failed to these recipients or groups:\n\n"
            "Sales Team (%s)<mailto:%s>\n"
            "Your message can't be delivered because delivery to this address is restricted.\n\n"
            "Purchasing (%s)<mailto:%s>\n"
            "Your message can't be delivered because delivery to this address is restricted.\n\n\n\n\n\n"
            "Diagnostic information for administrators:\n\n"
            "Generating server: %s\n\n"
            "%s\nRemote Server returned '%s'\n\n"
            "%s\nRemote Server returned '%s'\n\n"
            "Original message headers:\n\n"
            "Received: from hub.example.net (203.0.113.2) by\n %s (2603:10a6:20b:3c2::9) with\n Microsoft SMTP Server; Thu, 16 Nov 2023 13:05:39 +0000\n"
            "From: Omnihub Support <support@example.net>\n"
            "Subject: [Ticket #48307] Replacement parts shipped\n"
            "Message-ID: <%s>\n\n") % (r1, r1, r2, r2, server, r1, diag, r2, diag, server, orig_id)
    html = ("<html>\n<head>\n<meta http-equiv=\"Content-Type\" content=\"text/html; charset=us-ascii\">\n</head>\n<body>\n"
            "<p><b><font color=\"#000066\" size=\"3\" face=\"Arial\">Delivery has failed to these recipients or groups:</font></b></p>\n"
            "<font color=\"#000000\" size=\"2\" face=\"Tahoma\"><p><a href=\"mailto:%s\">Sales Team (%s)</a><br>\n"
            "Your message can't be delivered because delivery to this address is restricted.<br>\n</p>\n"
            "<p><a href=\"mailto:%s\">Purchasing (%s)</a><br>\n"
            "Your message can't be delivered because delivery to this address is restricted.<br>\n</p>\n</font>\n"
            "<font color=\"#808080\" size=\"2\" face=\"Tahoma\"><p><b>Diagnostic information for administrators:</b></p>\n"
            "<p>Generating server: %s<br>\n</p></font>\n</body>\n</html>\n") % (r1, r1, r2, r2, server)
    ds = ("Reporting-MTA: dns;%s\n"
          "Received-From-MTA: dns;hub.example.net\n"
          "Arrival-Date: Thu, 16 Nov 2023 13:05:39 +0000\n\n"
          "Original-Recipient: rfc822;%s\n"
          "Final-Recipient: rfc822;%s\n"
          "Action: failed\n"
          "Status: 5.7.129\n"
          "Diagnostic-Code: smtp;%s\n"
          "X-Display-Name: Sales Team\n\n"
          "Original-Recipient: rfc822;%s\n"
          "Final-Recipient: rfc822;%s\n"
          "Action: failed\n"
          "Status: 5.7.129\n"
          "Diagnostic-Code: smtp;%s\n"
          "X-Display-Name: Purchasing\n\n") % (server, r1, r1, diag, r2, r2, diag)
    ds = ds.encode()
    hdrs = ("Received: from hub.example.net (203.0.113.2) by\n %s (2603:10a6:20b:3c2::9) with\n"
            " Microsoft SMTP Server (version=TLS1_2,\n cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id 15.20.7002.18 via Frontend\n"
            " Transport; Thu, 16 Nov 2023 13:05:39 +0000\n"
            "Date: Thu, 16 Nov 2023 14:05:00 +0100 (CET)\n"
            "From: Omnihub Support <support@example.net>\n"
            "To: %s, %s\n"
            "Message-ID: <%s>\n"
            "Subject: [Ticket #48307] Replacement parts shipped\n"
            "MIME-Version: 1.0\n"
            "Content-Type: multipart/mixed; \n\tboundary=\"----=_Part_11_1000087109.1700139900215\"\n"
            "Return-Path: support@example.net\n"
            "X-MS-Exchange-Organization-MessageDirectionality: Incoming\n"
            "X-MS-Exchange-Organization-AuthSource: %s\n"
            "X-MS-Exchange-Organization-AuthAs: Anonymous\n\n") % (server, r1, r2, orig_id, server)
    hdrs = hdrs.encode()
    altbody = mp(alt, [
        part([("Content-Type", 'text/plain; charset="us-ascii"'), ("Content-Transfer-Encoding", "quoted-printable")], qp(text.encode())),
        part([("Content-Type", 'text/html; charset="us-ascii"'), ("Content-Transfer-Encoding", "quoted-printable")], qp(html.encode())),
    ])
    body = mp(rep, [
        part([("Content-Type", 'multipart/alternative; differences=Content-Type;\n\tboundary="%s"' % alt)], b"\n" + altbody),
        part([("Content-Type", "message/delivery-status")], ds),
        part([("Content-Type", "text/rfc822-headers")], hdrs),
    ])
    hdr = [("Received", "from %s (2603:10a6:20b:3c2::9) by\n DB9PR01MB8123.eurprd01.prod.example.com with HTTPS; Thu, 16 Nov 2023 13:05:41\n +0000" % server),
           ("MIME-Version", "1.0"),
           ("From", "Microsoft Outlook <postmaster@northwind.example.com>"),
           ("To", "<support@example.net>"),
           ("Date", "Thu, 16 Nov 2023 13:05:41 +0000"),
           ("Content-Type", 'multipart/report; report-type=delivery-status;\n\tboundary="%s"' % rep),
           ("X-MS-Exchange-Message-Is-Ndr", ""),
           ("Content-Language", "en-US"),
           ("Message-ID", "<c0ffee12-3456-4789-abcd-ef0123456789@%s>" % server),
           ("In-Reply-To", "<%s>" % orig_id),
           ("References", "<%s>" % orig_id),
           ("Thread-Topic", "[Ticket #48307] Replacement parts shipped"),
           ("Thread-Index", tindex("95", 1)),
           ("Subject", "Undeliverable: [Ticket #48307] Replacement parts shipped"),
           ("Auto-Submitted", "auto-replied"),
           ("X-MS-PublicTrafficType", "Email"),
           ("X-MS-TrafficTypeDiagnostic", "AM9PR01MB7745:EE_|DB9PR01MB8123:EE_")]
    add("95-dsn-microsoft365.eml", message(hdr, body),
        "Microsoft 365 NDR for a restricted distribution group (5.7.129): multipart/alternative; differences=Content-Type (QP text + html), delivery-status with two failed recipients (Original- and Final-Recipient each, X-Display-Name), and only the original's headers as text/rfc822-headers (nameless file); our own address and the original headers appear in the text but are not failures.",
        "c0ffee12-3456-4789-abcd-ef0123456789@%s" % server, "postmaster@northwind.example.com", "Microsoft Outlook",
        "Undeliverable: [Ticket #48307] Replacement parts shipped",
        textContains=["Delivery has failed to these recipients or groups:", "RESOLVER.RST.RestrictedToRecipientsPermission"],
        textExcludes=["X-Display-Name", "Action: failed"],
        htmlContains=["Delivery has failed to these recipients or groups:"], hasHtml=True,
        attachments=[A(None, "text/rfc822-headers", wire_len(hdrs))],
        flags=["AUTO_SUBMITTED", "BOUNCE"], bounceRecipients=[r1, r2],
        inReplyTo=orig_id, references=[orig_id], threadIndex=True)


def m96():
    qid = "4SWc5j2Mbkz9v1R"
    host = "smtp-out.example.net"
    b = "%s.1700122442/%s" % (qid, host)
    rcpt = "jan.novak@example.org"
    orig_id = "ticket-48288-out-1699690440.1@support.example.net"
    note = (POSTFIX_FAILED.format(host=host)
            + "<%s>: connect to mx1.example.org[198.51.100.96]:25: Connection timed\n    out\n" % rcpt).encode()
    ds = ("Reporting-MTA: dns; %s\n"
          "X-Postfix-Queue-ID: %s\n"
          "X-Postfix-Sender: rfc822; support@example.net\n"
          "Arrival-Date: Sat, 11 Nov 2023 09:14:02 +0100 (CET)\n\n"
          "Final-Recipient: rfc822; %s\n"
          "Original-Recipient: rfc822;%s\n"
          "Action: failed\n"
          "Status: 4.4.1\n"
          "Diagnostic-Code: X-Postfix; connect to mx1.example.org[198.51.100.96]:25:\n"
          "    Connection timed out\n") % (host, qid, rcpt, rcpt)
    ds = ds.encode()
    text = ("Dobrý den pane Nováku,\n\n"
            "Ihre Ersatzteile zu Auftrag 88102 wurden heute versendet.\n\n"
            "Mit freundlichen Grüßen\nOmnihub Support\n")
    orig = message([
        ("Return-Path", "<support@example.net>"),
        ("Received", "from hub.example.net (hub.example.net [203.0.113.2])\n\tby %s (Postfix) with ESMTPS id %s\n\tfor <%s>; Sat, 11 Nov 2023 09:14:02 +0100 (CET)" % (host, qid, rcpt)),
        ("Date", "Sat, 11 Nov 2023 09:14:00 +0100 (CET)"),
        ("From", "Omnihub Support <support@example.net>"),
        ("To", rcpt),
        ("Message-ID", "<%s>" % orig_id),
        ("Subject", "[Ticket #48288] Ersatzteile versendet"),
        ("MIME-Version", "1.0"),
        ("Content-Type", "text/plain; charset=UTF-8"),
        ("Content-Transfer-Encoding", "8bit")], text.encode("utf-8"))
    body = mp(b, [
        part([("Content-Description", "Notification"), ("Content-Type", "text/plain; charset=us-ascii")], note),
        part([("Content-Description", "Delivery report"), ("Content-Type", "message/delivery-status")], ds),
        part([("Content-Description", "Undelivered Message"), ("Content-Type", "message/rfc822"),
              ("Content-Transfer-Encoding", "8bit")], orig),
    ], preamble="This is a MIME-encapsulated message.\n")
    hdr = [("Return-Path", "<>"),
           ("X-Original-To", "support@example.net"),
           ("Delivered-To", "support@example.net"),
           ("Received", "from %s (%s [203.0.113.5])\n\tby mx.example.net (Postfix) with ESMTPS id 4SWc5k0Nnnz9v1S\n\tfor <support@example.net>; Thu, 16 Nov 2023 09:14:03 +0100 (CET)" % (host, host)),
           ("Received", "by %s (Postfix)\n\tid 4SWc5j3Bq4z9v1T; Thu, 16 Nov 2023 09:14:02 +0100 (CET)" % host),
           ("Date", "Thu, 16 Nov 2023 09:14:02 +0100 (CET)"),
           ("From", "MAILER-DAEMON@%s (Mail Delivery System)" % host),
           ("Subject", "Undelivered Mail Returned to Sender"),
           ("To", "support@example.net"),
           ("Auto-Submitted", "auto-replied"),
           ("MIME-Version", "1.0"),
           ("Content-Type", 'multipart/report; report-type=delivery-status;\n\tboundary="%s"' % b),
           ("Content-Transfer-Encoding", "8bit"),
           ("Message-Id", "<20231116081402.4SWc5j3Bq4z9v1T@%s>" % host)]
    add("96-dsn-postfix-failed-expired.eml", message(hdr, body),
        "Postfix giving up after maximal_queue_lifetime: 'Action: failed' with a 4.4.1 (temporary-looking) Status - still a permanent failure, BOUNCE; 8bit message/rfc822 original with UTF-8 text (must not leak); Diagnostic-Code and the notification line folded with four spaces; sender name only as a comment.",
        "20231116081402.4SWc5j3Bq4z9v1T@%s" % host, "mailer-daemon@%s" % host, "Mail Delivery System",
        "Undelivered Mail Returned to Sender",
        textContains=["I'm sorry to have to inform you that your message could not", "<jan.novak@example.org>: connect to"],
        textExcludes=["X-Postfix-Queue-ID", "Ersatzteile zu Auftrag 88102"],
        attachments=[A(None, "message/rfc822", wire_len(orig))],
        flags=["AUTO_SUBMITTED", "BOUNCE"], bounceRecipients=[rcpt], expect_python={"fromName"})


def m97():
    qid = "4SWf2p6Hhrz9v3K"
    host = "smtp-out.example.net"
    b = "%s.1700137900/%s" % (qid, host)
    r1, r2 = "einkauf@example.org", "m.rossi@example.com"
    orig_id = "ticket-48309-out-1700123500.1@support.example.net"
    note = ("This is the mail system at host %s.\n\n"
            "####################################################################\n"
            "# THIS IS A WARNING ONLY.  YOU DO NOT NEED TO RESEND YOUR MESSAGE. #\n"
            "####################################################################\n\n"
            "Your message could not be delivered for more than 4 hour(s).\n"
            "It will be retried until it is 5 day(s) old.\n\n"
            "For further assistance, please send mail to postmaster.\n\n"
            "If you do so, please include this problem report. You can\n"
            "delete your own text from the attached returned message.\n\n"
            "                   The mail system\n\n"
            "<%s>: host mx.example.org[198.51.100.97] said: 552 5.2.2\n"
            "    <%s>: Recipient address rejected: Mailbox full (in reply\n"
            "    to RCPT TO command)\n\n"
            "<%s>: host mx2.example.com[192.0.2.197] said: 450 4.7.1\n"
            "    <%s>: Recipient address rejected: Greylisted, see\n"
            "    http://postgrey.example.com/help/example.com.html (in reply to RCPT TO\n"
            "    command)\n") % (host, r1, r1, r2, r2)
    ds = ("Reporting-MTA: dns; %s\n"
          "X-Postfix-Queue-ID: %s\n"
          "X-Postfix-Sender: rfc822; support@example.net\n"
          "Arrival-Date: Thu, 16 Nov 2023 09:31:40 +0100 (CET)\n\n"
          "Final-Recipient: rfc822; %s\n"
          "Original-Recipient: rfc822;%s\n"
          "Action: delayed\n"
          "Status: 4.2.2\n"
          "Remote-MTA: dns; mx.example.org\n"
          "Diagnostic-Code: smtp; 552 5.2.2 <%s>: Recipient address rejected: Mailbox\n"
          "    full\n"
          "Will-Retry-Until: Tue, 21 Nov 2023 09:31:40 +0100 (CET)\n\n"
          "Final-Recipient: rfc822; %s\n"
          "Original-Recipient: rfc822;%s\n"
          "Action: delayed\n"
          "Status: 4.7.1\n"
          "Remote-MTA: dns; mx2.example.com\n"
          "Diagnostic-Code: smtp; 450 4.7.1 <%s>: Recipient address rejected:\n"
          "    Greylisted, see http://postgrey.example.com/help/example.com.html\n"
          "Will-Retry-Until: Tue, 21 Nov 2023 09:31:40 +0100 (CET)\n") % (host, qid, r1, r1, r1, r2, r2, r2)
    hdrs = ("Return-Path: <support@example.net>\n"
            "Received: from hub.example.net (hub.example.net [203.0.113.2])\n"
            "\tby %s (Postfix) with ESMTPS id %s;\n"
            "\tThu, 16 Nov 2023 09:31:40 +0100 (CET)\n"
            "Date: Thu, 16 Nov 2023 09:31:40 +0100 (CET)\n"
            "From: Omnihub Support <support@example.net>\n"
            "To: %s, %s\n"
            "Message-ID: <%s>\n"
            "Subject: [Ticket #48309] Termin Wartung 24.11.\n"
            "MIME-Version: 1.0\n"
            "Content-Type: multipart/alternative; \n"
            "\tboundary=\"----=_Part_9_1000071271.1700123500090\"\n") % (host, qid, r1, r2, orig_id)
    note, ds, hdrs = note.encode(), ds.encode(), hdrs.encode()
    body = mp(b, [
        part([("Content-Description", "Notification"), ("Content-Type", "text/plain; charset=us-ascii")], note),
        part([("Content-Description", "Delivery report"), ("Content-Type", "message/delivery-status")], ds),
        part([("Content-Description", "Undelivered Message Headers"), ("Content-Type", "text/rfc822-headers"),
              ("Content-Transfer-Encoding", "8bit")], hdrs),
    ], preamble="This is a MIME-encapsulated message.\n")
    hdr = [("Return-Path", "<>"),
           ("X-Original-To", "support@example.net"),
           ("Delivered-To", "support@example.net"),
           ("Received", "by %s (Postfix)\n\tid 4SWf2q0Jk1z9v3L; Thu, 16 Nov 2023 13:31:40 +0100 (CET)" % host),
           ("Date", "Thu, 16 Nov 2023 13:31:40 +0100 (CET)"),
           ("From", "MAILER-DAEMON@%s (Mail Delivery System)" % host),
           ("Subject", "Delayed Mail (still being retried)"),
           ("To", "support@example.net"),
           ("Auto-Submitted", "auto-replied"),
           ("MIME-Version", "1.0"),
           ("Content-Type", 'multipart/report; report-type=delivery-status;\n\tboundary="%s"' % b),
           ("Content-Transfer-Encoding", "8bit"),
           ("Message-Id", "<20231116123140.4SWf2q0Jk1z9v3L@%s>" % host)]
    add("97-dsn-postfix-delayed.eml", message(hdr, body),
        "Postfix delay warning for two recipients, both 'Action: delayed': one remote answered '552 5.2.2 Mailbox full' to RCPT TO, which Postfix (RFC 5321) treats as temporary (Status 4.2.2 next to a 5.x.x Diagnostic-Code), the other is greylisted 4.7.1 - NOT a bounce, no bounce recipients; machine mail; headers-only third part.",
        "20231116123140.4SWf2q0Jk1z9v3L@%s" % host, "mailer-daemon@%s" % host, "Mail Delivery System",
        "Delayed Mail (still being retried)",
        textContains=["THIS IS A WARNING ONLY", "Recipient address rejected: Mailbox full"],
        textExcludes=["Will-Retry-Until", "X-Postfix-Sender"],
        attachments=[A(None, "text/rfc822-headers", wire_len(hdrs))],
        flags=["AUTO_SUBMITTED"], bounceRecipients=[], expect_python={"fromName"})


def m98():
    qid = "4SWd0x3Qkpz4wB7"
    host = "mail.kunde.example.org"
    b = "%s.1700142003/%s" % (qid, host)
    alias, local = "info@kunde.example.org", "k.mueller@kunde.example.org"
    orig_id = "ticket-48310-out-1700141998.1@support.example.net"
    note = (POSTFIX_FAILED.format(host=host)
            + ("<%s> (expanded from <%s>): cannot\n"
               "    update mailbox /var/mail/k.mueller for user k.mueller. error writing\n"
               "    message: File too large\n") % (local, alias)).encode()
    ds = ("Reporting-MTA: dns; %s\n"
          "X-Postfix-Queue-ID: %s\n"
          "X-Postfix-Sender: rfc822; support@example.net\n"
          "Arrival-Date: Thu, 16 Nov 2023 14:40:02 +0100 (CET)\n\n"
          "Final-Recipient: rfc822; %s\n"
          "Original-Recipient: rfc822;%s\n"
          "Action: failed\n"
          "Status: 5.2.2\n"
          "Diagnostic-Code: x-unix; cannot update mailbox /var/mail/k.mueller for user\n"
          "    k.mueller. error writing message: File too large\n") % (host, qid, local, alias)
    ds = ds.encode()
    ohdr, obody = hub_mail(orig_id, alias, "[Ticket #48310] Ihre Anfrage zum Wartungsvertrag",
                           "Guten Tag,\n\nanbei die Unterlagen zum Wartungsvertrag.\n\nOmnihub Support\n",
                           "Thu, 16 Nov 2023 14:39:58 +0100 (CET)", 4, 1700141998004)
    ohdr = [("Return-Path", "<support@example.net>"), ("X-Original-To", alias), ("Delivered-To", local),
            ("Received", "from smtp-out.example.net (smtp-out.example.net [203.0.113.5])\n\tby %s (Postfix) with ESMTPS id %s\n\tfor <%s>; Thu, 16 Nov 2023 14:40:02 +0100 (CET)" % (host, qid, alias))] + ohdr
    orig = message(ohdr, obody)
    body = mp(b, [
        part([("Content-Description", "Notification"), ("Content-Type", "text/plain; charset=us-ascii")], note),
        part([("Content-Description", "Delivery report"), ("Content-Type", "message/delivery-status")], ds),
        part([("Content-Description", "Undelivered Message"), ("Content-Type", "message/rfc822")], orig),
    ], preamble="This is a MIME-encapsulated message.\n")
    hdr = rcv("", host, "198.51.100.98", "4SWd0y1Rmqz9v4M", "Thu, 16 Nov 2023 14:40:04 +0100 (CET)") + [
        ("Received", "by %s (Postfix)\n\tid 4SWd0x5Tnrz4wB8; Thu, 16 Nov 2023 14:40:03 +0100 (CET)" % host),
        ("Date", "Thu, 16 Nov 2023 14:40:03 +0100 (CET)"),
        ("From", "MAILER-DAEMON@%s (Mail Delivery System)" % host),
        ("Subject", "Undelivered Mail Returned to Sender"),
        ("To", "support@example.net"),
        ("Auto-Submitted", "auto-replied"),
        ("MIME-Version", "1.0"),
        ("Content-Type", 'multipart/report; report-type=delivery-status;\n\tboundary="%s"' % b),
        ("Message-Id", "<20231116134003.4SWd0x5Tnrz4wB8@%s>" % host)]
    add("98-dsn-postfix-alias-expanded.eml", message(hdr, body),
        "Postfix at the customer's site bouncing after alias expansion: 'Final-Recipient: rfc822; k.mueller@...' (the local mailbox) but 'Original-Recipient: rfc822;info@...' (the address we sent to; note Postfix's missing space) and '(expanded from <...>)' in the text: the failed contact point the hub knows is the Original-Recipient (RFC 3464 2.3.1), never the internal alias target.",
        "20231116134003.4SWd0x5Tnrz4wB8@%s" % host, "mailer-daemon@%s" % host, "Mail Delivery System",
        "Undelivered Mail Returned to Sender",
        textContains=["(expanded from <info@kunde.example.org>)"],
        textExcludes=["X-Postfix-Queue-ID", "anbei die Unterlagen zum Wartungsvertrag"],
        attachments=[A(None, "message/rfc822", wire_len(orig))],
        flags=["AUTO_SUBMITTED", "BOUNCE"], bounceRecipients=[alias],
        expect_python={"fromName", "bounceRecipients"})


# --------------------------------------------------------------------------------------------
# 99-100 forwarded messages
# --------------------------------------------------------------------------------------------

def m99():
    b = "k1lZvvs/B4yU6o8G"
    inner = message([
        ("Return-Path", "<noreply@vendor.example.com>"),
        ("Received", "from mta-07.vendor.example.com (mta-07.vendor.example.com [198.51.100.199])\n\tby mail.example.org (Postfix) with ESMTPS id 4SVcQ3mL1nz6wX2\n\tfor <kai.petersen@example.org>; Thu, 16 Nov 2023 14:58:11 +0100 (CET)"),
        ("Date", "Thu, 16 Nov 2023 13:58:09 +0000"),
        ("From", "Vendor Portal <noreply@vendor.example.com>"),
        ("To", "kai.petersen@example.org"),
        ("Message-ID", "<portal-9f8e7d6c5b4a@vendor.example.com>"),
        ("Subject", "Zugangsdaten Testsystem"),
        ("MIME-Version", "1.0"),
        ("Content-Type", "text/plain; charset=UTF-8"),
        ("Content-Transfer-Encoding", "7bit"),
        ("Auto-Submitted", "auto-generated"),
        ("Precedence", "bulk")],
        "Ihre Zugangsdaten fuer das Testsystem:\n\nBenutzer: omnihub-test\nPasswort: Xk7#pQ2!vR9z\n\n"
        "Diese Nachricht wurde automatisch erstellt.\n")
    text = ("Hi,\n\nsee the forwarded mail: our vendor sent the test system credentials in\n"
            "plain text. Please revoke them and ask them for a new account.\n\nKai\n")
    body = mp(b, [
        part([("Content-Type", "text/plain; charset=us-ascii"), ("Content-Disposition", "inline")], text),
        part([("Content-Type", "message/rfc822"), ("Content-Disposition", "inline")], inner),
    ], preamble="")
    hdr = rcv("kai.petersen@example.org", "lap.example.org", "198.51.100.87", "4SVcS1pN3qz9vJw",
              "Thu, 16 Nov 2023 15:10:24 +0100 (CET)") + [
        ("Date", "Thu, 16 Nov 2023 15:10:22 +0100"),
        ("From", "Kai Petersen <kai.petersen@example.org>"),
        ("To", "support@example.net"),
        ("Subject", "[noreply@vendor.example.com: Zugangsdaten Testsystem]"),
        ("Message-ID", "<20231116141022.GB23817@lap.example.org>"),
        ("MIME-Version", "1.0"),
        ("Content-Type", 'multipart/mixed; boundary="%s"' % b),
        ("Content-Disposition", "inline"),
        ("User-Agent", "Mutt/1.5.21 (2010-09-15)")]
    add("99-forward-rfc822-no-name.eml", message(hdr, body),
        "Mutt forward with mime_forward=yes: the original is 'Content-Type: message/rfc822' + 'Content-Disposition: inline' with no name or filename anywhere (filename null, not inline: no Content-ID); mutt's '[%a: %s]' forward subject; the forwarded mail is Auto-Submitted/Precedence bulk, which must not make the outer (a person's) mail automatic; its password must not leak into the text.",
        "20231116141022.GB23817@lap.example.org", "kai.petersen@example.org", "Kai Petersen",
        "[noreply@vendor.example.com: Zugangsdaten Testsystem]",
        textContains=["our vendor sent the test system credentials in", "Please revoke them"],
        textExcludes=["Xk7#pQ2!vR9z", "Diese Nachricht wurde automatisch erstellt"],
        attachments=[A(None, "message/rfc822", wire_len(inner))],
        expect_python={"inline"})


def m100():
    # level 3: the customer's original (Outlook), with a photo
    b3 = "----=_NextPart_000_0041_01DA1892.6C4B7E20"
    photo = jpeg(2600, "100-damage")
    l3 = message([
        ("From", '"Nowak, Ewa" <ewa.nowak@example.org>'),
        ("To", "<auftrag@haendler.example.com>"),
        ("Subject", "Reklamation Auftrag 88213"),
        ("Date", "Wed, 15 Nov 2023 17:20:44 +0100"),
        ("Message-ID", "<004001da17e1$a2c3d4e0$e84b7ea0$@example.org>"),
        ("MIME-Version", "1.0"),
        ("Content-Type", 'multipart/mixed;\n\tboundary="%s"' % b3),
        ("X-Mailer", "Microsoft Outlook 16.0"),
        ("Thread-Index", tindex("100-l3")),
        ("Content-Language", "pl")],
        mp(b3, [
            part([("Content-Type", 'text/plain;\n\tcharset="us-ascii"'), ("Content-Transfer-Encoding", "7bit")],
                 "Guten Tag,\n\ndie Tischplatte aus Auftrag 88213 hat einen Riss (Foto anbei).\n\nEwa Nowak\n\n"),
            part([("Content-Type", 'image/jpeg;\n\tname="Foto_Schaden.jpg"'), ("Content-Transfer-Encoding", "base64"),
                  ("Content-Disposition", 'attachment;\n\tfilename="Foto_Schaden.jpg"')], b64(photo)),
        ], preamble="This is a multipart message in MIME format.\n"))
    # level 2: the dealer forwards it as attachment with Thunderbird (and retitles it)
    b2 = "------------Tb9xQ2mW5zK8pR1vL4nC7yA3"
    l2 = message([
        ("Message-ID", "<71c3e5a7-9b1d-4f3e-a5c7-e9b1d3f5a7c9@haendler.example.com>"),
        ("Date", "Thu, 16 Nov 2023 08:05:12 +0100"),
        ("MIME-Version", "1.0"),
        ("User-Agent", "Mozilla Thunderbird"),
        ("Content-Language", "de-DE"),
        ("To", "Lager <lager@haendler.example.com>"),
        ("From", "Auftragsannahme <auftrag@haendler.example.com>"),
        ("Subject", "=?UTF-8?Q?R=C3=BCckfrage_Auftrag_88213?="),
        ("Content-Type", 'multipart/mixed; boundary="%s"' % b2)],
        mp(b2, [
            part([("Content-Type", "text/plain; charset=UTF-8; format=flowed"), ("Content-Transfer-Encoding", "7bit")],
                 "Bitte pruefen, ob noch eine Platte auf Lager ist.\n\n"),
            part([("Content-Type", 'message/rfc822; charset=UTF-8; name="Reklamation Auftrag 88213.eml"'),
                  ("Content-Disposition", 'attachment; filename="Reklamation Auftrag 88213.eml"'),
                  ("Content-Transfer-Encoding", "7bit")], l3),
        ], preamble="This is a multi-part message in MIME format."))
    # level 1: the warehouse forwards that to us with Apple Mail
    b1 = "Apple-Mail=_E4F6A8C0-2B4D-4E6F-8A0C-2E4F6A8C0B2D"
    fname = "Rückfrage Auftrag 88213.eml"
    enc = "".join(c if (c.isascii() and c.isalnum()) or c in ".-_" else "".join("%%%02X" % x for x in c.encode()) for c in fname)
    l1 = mp(b1, [
        part([("Content-Transfer-Encoding", "quoted-printable"), ("Content-Type", "text/plain;\n\tcharset=utf-8")],
             qp("Hallo Support,\n\nkönnt ihr die Reklamation (siehe Anhang, mehrfach weitergeleitet) übernehmen? "
                "Die Platte ist nicht mehr lieferbar.\n\nGruß\nLager\n".encode("utf-8"))),
        part([("Content-Disposition", "attachment;\n\tfilename*=utf-8''%s" % enc),
              ("Content-Type", "message/rfc822;\n\tname*=utf-8''%s" % enc)], l2),
    ])
    hdr = rcv("lager@haendler.example.com", "mail.haendler.example.com", "198.51.100.100", "4SVcX8sQ6tz9vKx",
              "Thu, 16 Nov 2023 15:30:41 +0100 (CET)") + [
        ("From", "Lager <lager@haendler.example.com>"),
        ("Content-Type", 'multipart/mixed;\n\tboundary="%s"' % b1),
        ("Mime-Version", "1.0 (Mac OS X Mail 16.0 \\(3774.200.91.1.1\\))"),
        ("Subject", "Fwd: =?utf-8?Q?R=C3=BCckfrage_Auftrag_88213?="),
        ("Message-Id", "<C2E4A6B8-0D1F-4A3C-9E5B-7D9F1B3D5F70@haendler.example.com>"),
        ("Date", "Thu, 16 Nov 2023 15:30:38 +0100"),
        ("To", "support@example.net"),
        ("X-Mailer", "Apple Mail (2.3774.200.91.1.1)")]
    add("100-forward-nested-3-deep.eml", message(hdr, l1),
        "Three-deep forward-as-attachment: Apple Mail (RFC 2231 filename*=utf-8'' and name*= on message/rfc822, named after the forwarded mail's Q-encoded subject) wraps a Thunderbird forward (message/rfc822; charset=UTF-8; name=...eml) which wraps the customer's Outlook mail with a JPEG: ONE attachment (the outermost .eml, whole), nothing of levels 2-3 (texts, Foto_Schaden.jpg, Thread-Index) may surface.",
        "C2E4A6B8-0D1F-4A3C-9E5B-7D9F1B3D5F70@haendler.example.com", "lager@haendler.example.com", "Lager",
        "Fwd: Rückfrage Auftrag 88213",
        textContains=["könnt ihr die Reklamation (siehe Anhang, mehrfach weitergeleitet) übernehmen?"],
        textExcludes=["Bitte pruefen, ob noch eine Platte auf Lager ist.", "die Tischplatte aus Auftrag 88213 hat einen Riss"],
        attachments=[A(fname, "message/rfc822", wire_len(l2))])


# --------------------------------------------------------------------------------------------
# 101-102 TNEF
# --------------------------------------------------------------------------------------------

def m101():
    b = "----=_NextPart_000_002C_01DA18A9.BED29F40"
    offer = pdf(["Offerte 2023-118", "Getekend voor akkoord", "J. de Vries"], seed="101")
    tn = tnef(0x4A2B, "Offerte getekend retour", "Goedemiddag,\r\n\r\nHierbij de getekende offerte retour.\r\n",
              [("Offerte_2023-118_getekend.pdf", offer)], tnef_date(2023, 11, 17, 14, 5, 21, 5))
    text = "Goedemiddag,\n\nHierbij de getekende offerte retour.\n\nMet vriendelijke groet,\nJan de Vries\n\n"
    body = mp(b, [
        part([("Content-Type", 'text/plain;\n\tcharset="us-ascii"'), ("Content-Transfer-Encoding", "7bit")], text),
        part([("Content-Type", 'application/ms-tnef;\n\tname="winmail.dat"'), ("Content-Transfer-Encoding", "base64"),
              ("Content-Disposition", 'attachment;\n\tfilename="winmail.dat"')], b64(tn)),
    ], preamble="This is a multipart message in MIME format.\n")
    hdr = rcv("jan.devries@example.org", "smtp.example.org", "198.51.100.101", "4SWNn02Kkvz9w1Q",
              "Fri, 17 Nov 2023 14:05:25 +0100 (CET)") + [
        ("From", '"Jan de Vries" <jan.devries@example.org>'),
        ("To", "<support@example.net>"),
        ("Subject", "Offerte getekend retour"),
        ("Date", "Fri, 17 Nov 2023 14:05:21 +0100"),
        ("Message-ID", "<002b01da18a1$5d0e3f40$172abdc0$@example.org>"),
        ("MIME-Version", "1.0"),
        ("Content-Type", 'multipart/mixed;\n\tboundary="%s"' % b),
        ("X-Mailer", "Microsoft Outlook 14.0"),
        ("Thread-Index", tindex("101")),
        ("Content-Language", "nl")]
    add("101-tnef-outlook-winmail.eml", message(hdr, body),
        "Outlook 2010 sending Rich Text over SMTP: 7bit text/plain plus application/ms-tnef; name=\"winmail.dat\" (folded params, filename in Content-Disposition) whose TNEF stream (valid attribute checksums) hides the real PDF: kept as one winmail.dat attachment.",
        "002b01da18a1$5d0e3f40$172abdc0$@example.org", "jan.devries@example.org", "Jan de Vries",
        "Offerte getekend retour",
        textContains=["Hierbij de getekende offerte retour.", "Met vriendelijke groet,"],
        textExcludes=["eJ8+Ih"],
        attachments=[A("winmail.dat", "application/ms-tnef", len(tn))], threadIndex=True)


def m102():
    readings = ("Goedemorgen,\r\n\r\nHierbij de meterstanden van november:\r\n"
                "Meter 1: 48211 kWh\r\nMeter 2: 10277 kWh\r\n\r\nMet vriendelijke groet,\r\nPieter Jansen\r\n")
    tn = tnef(0x7C01, "Meterstanden november", readings,
              [("meterstanden_nov.csv", b"meter;stand;datum\r\n1;48211;2023-11-17\r\n2;10277;2023-11-17\r\n")],
              tnef_date(2023, 11, 17, 9, 12, 44, 5))
    mid = "7E1F2A3B4C5D6E7F8091A2B3C4D5E6F7@EXCH2010.partner.example.com"
    hdr = rcv("pieter.jansen@partner.example.com", "mail.partner.example.com", "198.51.100.102", "4SWDd91Gbjz9w0P",
              "Fri, 17 Nov 2023 09:12:47 +0100 (CET)") + [
        ("Received", "from EXCH2010.partner.example.com ([fe80::9d2:1c4e:7b3a:2f01]) by\n EXCH2010.partner.example.com ([fe80::9d2:1c4e:7b3a:2f01%11]) with mapi; Fri, 17\n Nov 2023 09:12:44 +0100"),
        ("From", "Pieter Jansen <pieter.jansen@partner.example.com>"),
        ("To", "Omnihub Support <support@example.net>"),
        ("Date", "Fri, 17 Nov 2023 09:12:44 +0100"),
        ("Subject", "Meterstanden november"),
        ("Thread-Topic", "Meterstanden november"),
        ("Thread-Index", tindex("102")),
        ("Message-ID", "<%s>" % mid),
        ("Accept-Language", "nl-NL, en-US"),
        ("Content-Language", "nl-NL"),
        ("X-MS-Has-Attach", "yes"),
        ("X-MS-TNEF-Correlator", "<%s>" % mid),
        ("Content-Type", "application/ms-tnef"),
        ("Content-Transfer-Encoding", "base64"),
        ("MIME-Version", "1.0")]
    add("102-tnef-no-name.eml", message(hdr, b64(tn)),
        "Exchange 2010 'summary TNEF' over a connector set to always use rich text: the whole mail is one application/ms-tnef part with no name, no filename and no disposition (text and the CSV exist only inside TNEF): one nameless attachment, empty text, not unparseable.",
        mid, "pieter.jansen@partner.example.com", "Pieter Jansen", "Meterstanden november",
        textExcludes=["eJ8+Ig"],
        attachments=[A(None, "application/ms-tnef", len(tn))], threadIndex=True)


# --------------------------------------------------------------------------------------------
# 103-106 8-bit bodies without charset, NUL bytes
# --------------------------------------------------------------------------------------------

def m103():
    body = ("Name: Heinz Müller\n"
            "E-Mail: h.mueller@example.com\n"
            "Telefon: 0221 555 0183\n\n"
            "Nachricht:\n"
            "Guten Tag, ich hätte gern einen Rückruf wegen der Gebührenabrechnung für\n"
            "das 3. Quartal. Die Beträge stimmen nicht überein (Differenz 12,50 EUR).\n"
            "Ich bin vormittags im Café am Markt erreichbar.\n\n"
            "Mit freundlichen Grüßen\nHeinz Müller\n").encode("latin-1")
    hdr = rcv("www-data@web01.example.org", "web01.example.org", "198.51.100.103", "4SWF1c4Lmnz9w2R",
              "Fri, 17 Nov 2023 10:41:03 +0100 (CET)") + [
        ("Received", "by web01.example.org (Postfix, from userid 33)\n\tid 4A1B2C3D4E; Fri, 17 Nov 2023 10:41:02 +0100 (CET)"),
        ("To", "support@example.net"),
        ("Subject", "Kontaktformular: neue Nachricht"),
        ("X-PHP-Originating-Script", "1000:kontakt.php"),
        ("MIME-Version", "1.0"),
        ("Content-Type", "text/plain"),
        ("Content-Transfer-Encoding", "8bit"),
        ("From", "Kontaktformular <noreply@example.org>"),
        ("Reply-To", "h.mueller@example.com"),
        ("Message-Id", "<20231117094102.4A1B2C3D4E@web01.example.org>"),
        ("Date", "Fri, 17 Nov 2023 10:41:02 +0100 (CET)")]
    add("103-8bit-latin1-no-charset.eml", message(hdr, body),
        "PHP mail() contact form: 'Content-Type: text/plain' with no charset and 8bit ISO-8859-1 bytes (ü, ä, ß, é): not valid UTF-8, so read as windows-1252 (the browsers' reading of Latin-1), no replacement characters; Postfix-added Message-Id/Date after From.",
        "20231117094102.4A1B2C3D4E@web01.example.org", "noreply@example.org", "Kontaktformular",
        "Kontaktformular: neue Nachricht",
        textContains=["Name: Heinz Müller", "ich hätte gern einen Rückruf wegen der Gebührenabrechnung für",
                      "im Café am Markt", "Mit freundlichen Grüßen"],
        textExcludes=["\ufffd", "Ã"], expect_python={"text"})


def m104():
    body = ("Sicherung gestartet: Fr 17. Nov 03:00:01 CET 2023\n"
            "Prüfe Zielverzeichnis /mnt/nas/sicherung … OK\n"
            "Übertrage 1.284 Dateien (3,2 GiB)\n"
            "Warnung: Datei „Übersicht_Qualitätsprüfung.xlsx“ ist gesperrt – übersprungen\n"
            "Sicherung beendet: 1 Warnung ✓\n").encode("utf-8")
    hdr = [("Return-Path", "<backup@backup01.example.com>"),
           ("X-Original-To", "support@example.net"),
           ("Delivered-To", "support@example.net"),
           ("Received", "from backup01.example.com (backup01.example.com [192.0.2.104])\n\tby mx.example.net (Postfix) with ESMTP id 4SWRk71Cc2z9w3S\n\tfor <support@example.net>; Fri, 17 Nov 2023 03:00:06 +0100 (CET)"),
           ("Received", "by backup01.example.com (Postfix, from userid 1001)\n\tid 8F2C41A03B; Fri, 17 Nov 2023 03:00:04 +0100 (CET)"),
           ("To", "support@example.net"),
           ("Subject", "Sicherung backup01: 1 Warnung"),
           ("Message-Id", "<20231117020004.8F2C41A03B@backup01.example.com>"),
           ("Date", "Fri, 17 Nov 2023 03:00:04 +0100 (CET)"),
           ("From", "backup@backup01.example.com (Backup-Skript)")]
    add("104-8bit-utf8-no-mime-headers.eml", message(hdr, body),
        "bsd-mailx from a backup script: no MIME-Version, no Content-Type, no Content-Transfer-Encoding at all, but raw UTF-8 bytes (…, „“, –, ✓): MIME's default us-ascii is wrong, the valid UTF-8 must be read as UTF-8; display name only as a comment.",
        "20231117020004.8F2C41A03B@backup01.example.com", "backup@backup01.example.com", "Backup-Skript",
        "Sicherung backup01: 1 Warnung",
        textContains=["Prüfe Zielverzeichnis /mnt/nas/sicherung … OK", "„Übersicht_Qualitätsprüfung.xlsx“ ist gesperrt – übersprungen",
                      "1 Warnung ✓"],
        textExcludes=["\ufffd", "Ã", "â€"], expect_python={"text", "fromName"})


def m105():
    body = ("Fehlerbericht vom 17.11.2023 08:14\n"
            "Gerät: ZD420-2 (Lager Halle 3)\n"
            "Seriennummer: SN-5582\x00\x00\x00\x00\x00\x00\n"
            "Firmware: V84.20.18Z\n"
            "Fehler: Druckkopf offen (Code 0x0204)\n").encode("cp1252")
    hdr = rcv("lager@example.com", "lvs01.example.com", "192.0.2.105", "4SWVb32Ddtz9w4T",
              "Fri, 17 Nov 2023 08:14:09 +0100 (CET)") + [
        ("From", '"Lagerverwaltung" <lager@example.com>'),
        ("To", "support@example.net"),
        ("Subject", "Fehlerbericht Etikettendrucker ZD420-2"),
        ("Date", "Fri, 17 Nov 2023 08:14:07 +0100"),
        ("Message-ID", "<LVS.20231117081407.0042@lvs01.example.com>"),
        ("MIME-Version", "1.0"),
        ("Content-Type", 'text/plain; charset="windows-1252"'),
        ("Content-Transfer-Encoding", "8bit"),
        ("X-Mailer", "LVS 7.2 SMTP-Modul")]
    add("105-nul-byte-body.eml", message(hdr, body),
        "Warehouse software filling a fixed-width field with NUL padding: six raw 0x00 bytes inside an 8bit windows-1252 body. The parser reads them as they are (U+0000, the text around them intact, never a failure); removing them is StorableInteraction's job, which flags NUL_REMOVED.",
        "LVS.20231117081407.0042@lvs01.example.com", "lager@example.com", "Lagerverwaltung",
        "Fehlerbericht Etikettendrucker ZD420-2",
        textContains=["Gerät: ZD420-2 (Lager Halle 3)", "Seriennummer: SN-5582\u0000", "Firmware: V84.20.18Z"],
        textExcludes=["\ufffd"])


def m106():
    hdr = rcv("ups-2@example.com", "ups-2.example.com", "192.0.2.106", "4SWWc44Eeuz9w5V",
              "Fri, 17 Nov 2023 08:31:55 +0100 (CET)") + [
        ("Date", "Fri, 17 Nov 2023 08:31:52 +0100"),
        ("From", "UPS-2 <ups-2@example.com>"),
        ("To", "support@example.net"),
        ("Subject", b"UPS-2: on battery\x00"),
        ("Message-ID", "<1700206312.0017@ups-2.example.com>"),
        ("X-Mailer", "NMC SMTP Client 1.0")]
    body = ("UPS-2 (Serverraum 1): Utility power failure.\n"
            "Running on battery. Runtime remaining: 42 min.\n")
    add("106-nul-byte-subject.eml", message(hdr, body),
        "UPS network card firmware writing the subject's C-string terminator: 'Subject: UPS-2: on battery<NUL>' (a raw 0x00 before CRLF); no MIME headers. The subject is read as sent, NUL included (String.strip keeps it), for StorableInteraction to remove and flag; nothing else may break.",
        "1700206312.0017@ups-2.example.com", "ups-2@example.com", "UPS-2", "UPS-2: on battery\u0000",
        textContains=["Utility power failure.", "Runtime remaining: 42 min."])


# --------------------------------------------------------------------------------------------
# 107-111 missing or unreadable From
# --------------------------------------------------------------------------------------------

def m107():
    b = "=_MFP_5a3c1f09e2b84d70_="
    scan = pdf(["Lieferschein 55120", "Eingang 17.11.2023", "Unterschrift: ______"], pad=1200, seed="107")
    body = mp(b, [
        part([("Content-Type", "text/plain; charset=us-ascii"), ("Content-Transfer-Encoding", "7bit")],
             "Scanned document attached.\nDevice: MFP-2OG (Floor 2)\nPages: 1\n"),
        part([("Content-Type", 'application/pdf; name="scan_20231117_094107.pdf"'),
              ("Content-Disposition", 'attachment; filename="scan_20231117_094107.pdf"'),
              ("Content-Transfer-Encoding", "base64")], b64(scan)),
    ])
    hdr = [("Return-Path", "<scanner@example.com>"),
           ("X-Original-To", "support@example.net"),
           ("Delivered-To", "support@example.net"),
           ("Received", "from mfp-2og.example.com (mfp-2og.example.com [192.0.2.107])\n\tby mx.example.net (Postfix) with ESMTP id 4SWXd55Ffvz9w6W\n\tfor <support@example.net>; Fri, 17 Nov 2023 09:41:09 +0100 (CET)"),
           ("Date", "Fri, 17 Nov 2023 09:41:07 +0100"),
           ("To", "support@example.net"),
           ("Subject", "Scanned from MFP-2OG"),
           ("Message-Id", "<20231117094107.0001.mfp-2og@example.com>"),
           ("MIME-Version", "1.0"),
           ("Content-Type", 'multipart/mixed; boundary="%s"' % b),
           ("X-Mailer", "MFP-2OG Scan to E-mail")]
    add("107-no-from-header.eml", message(hdr, body),
        "Multifunction printer 'scan to e-mail' relayed by a remote MTA that adds nothing: no From and no Sender header at all (only the envelope Return-Path, which is not the author): from and fromName null, the scan still read; boundary starts and ends with '='.",
        "20231117094107.0001.mfp-2og@example.com", None, None, "Scanned from MFP-2OG",
        textContains=["Scanned document attached.", "Device: MFP-2OG (Floor 2)"],
        attachments=[A("scan_20231117_094107.pdf", "application/pdf", len(scan))])


def m108():
    hdr = rcv("formular@shop.example.org", "shop.example.org", "198.51.100.108", "4SWYe66Ggwz9w7X",
              "Fri, 17 Nov 2023 10:02:31 +0100 (CET)") + [
        ("To", "support@example.net"),
        ("Subject", "Anfrage Lieferzeit Artikel 4410-B"),
        ("From", "<<<>>>"),
        ("MIME-Version", "1.0"),
        ("Content-Type", "text/plain; charset=UTF-8"),
        ("Content-Transfer-Encoding", "8bit"),
        ("Message-Id", "<20231117090230.6C1D2E3F40@shop.example.org>"),
        ("Date", "Fri, 17 Nov 2023 10:02:30 +0100 (CET)")]
    body = "Wie lange dauert die Lieferung von Artikel 4410-B nach Österreich?\n\n(gesendet über das Shop-Formular)\n"
    add("108-from-garbage-brackets.eml", message(hdr, body.encode("utf-8")),
        "Shop form template 'From: <<<{email}>>>' rendered with an empty address: 'From: <<<>>>' is no address at all (from and fromName null; no exception, no address invented from Return-Path or the body).",
        "20231117090230.6C1D2E3F40@shop.example.org", None, None, "Anfrage Lieferzeit Artikel 4410-B",
        textContains=["Wie lange dauert die Lieferung von Artikel 4410-B nach Österreich?"])


def m109():
    hdr = [("Return-Path", "<bounces+48812@helpdesk-saas.example.com>"),
           ("X-Original-To", "support@example.net"),
           ("Delivered-To", "support@example.net"),
           ("Received", "from out-3.helpdesk-saas.example.com (out-3.helpdesk-saas.example.com [198.51.100.109])\n\tby mx.example.net (Postfix) with ESMTPS id 4SWZf77Hhxz9w8Y\n\tfor <support@example.net>; Fri, 17 Nov 2023 10:20:14 +0100 (CET)"),
           ("Date", "Fri, 17 Nov 2023 09:20:12 +0000"),
           ("From", "Support Team"),
           ("To", "support@example.net"),
           ("Message-ID", "<48812.1700212812@helpdesk-saas.example.com>"),
           ("Subject", "Re: Ihre Anfrage #48812"),
           ("MIME-Version", "1.0"),
           ("Content-Type", "text/plain; charset=utf-8"),
           ("Content-Transfer-Encoding", "7bit")]
    body = ("Hallo,\n\nwir haben Ihre Anfrage an die Fachabteilung weitergegeben.\n\n"
            "Ihr Support Team\n")
    add("109-from-display-name-only.eml", message(hdr, body),
        "A partner's helpdesk SaaS with a misconfigured sender: 'From: Support Team' - a display name and no address (not two local parts 'Support' and 'Team'): from null, and with it fromName null.",
        "48812.1700212812@helpdesk-saas.example.com", None, None, "Re: Ihre Anfrage #48812",
        textContains=["wir haben Ihre Anfrage an die Fachabteilung weitergegeben."])


def m110():
    hdr = rcv("newsletter@mailer.example.com", "mailer.example.com", "198.51.100.110", "4SWag88Jjyz9w9Z",
              "Fri, 17 Nov 2023 10:45:02 +0100 (CET)") + [
        ("From", "undisclosed-recipients:;"),
        ("To", "support@example.net"),
        ("Subject", "Wartungsarbeiten am Rechenzentrum am 25.11."),
        ("Date", "Fri, 17 Nov 2023 10:45:00 +0100"),
        ("Message-ID", "<rz-wartung-2023-11-25.7781@mailer.example.com>"),
        ("MIME-Version", "1.0"),
        ("Content-Type", "text/plain; charset=ISO-8859-1"),
        ("Content-Transfer-Encoding", "quoted-printable")]
    body = qp("Sehr geehrte Kunden,\n\nam Samstag, 25.11., finden von 22:00 bis 02:00 Uhr Wartungsarbeiten statt.\n"
              "Während dieser Zeit ist das Kundenportal nicht erreichbar.\n".encode("latin-1"))
    add("110-from-undisclosed-group.eml", message(hdr, body),
        "Mass mailer with the recipient placeholder in the wrong header: 'From: undisclosed-recipients:;' - RFC 5322 group syntax with no members: no sender address (from and fromName null; the group name is not an address).",
        "rz-wartung-2023-11-25.7781@mailer.example.com", None, None, "Wartungsarbeiten am Rechenzentrum am 25.11.",
        textContains=["Während dieser Zeit ist das Kundenportal nicht erreichbar."],
        textExcludes=["=E4"])


def m111():
    hdr = rcv("ben.ostrowski@example.com", "mail.example.com", "192.0.2.111", "4SWbh99Kkzz9wAa",
              "Fri, 17 Nov 2023 11:05:19 +0100 (CET)") + [
        ("From", "Managing Partners: ben.ostrowski@example.com, carla.ruiz@example.com;"),
        ("Sender", "ben.ostrowski@example.com"),
        ("To", "support@example.net"),
        ("Subject", ewq("Kündigung des Wartungsvertrags zum 31.12.", "UTF-8")),
        ("Date", "Fri, 17 Nov 2023 11:05:16 +0100"),
        ("Message-ID", "<b8d0f2a4-1c3e-4a5b-9d7f-2e4a6c8e0b1d@example.com>"),
        ("MIME-Version", "1.0"),
        ("Content-Type", "text/plain; charset=UTF-8; format=flowed"),
        ("Content-Transfer-Encoding", "8bit"),
        ("User-Agent", "Mozilla Thunderbird")]
    body = ("Sehr geehrte Damen und Herren,\n\nhiermit kündigen wir den Wartungsvertrag WV-2291 fristgerecht zum 31.12.2023.\n\n"
            "Ben Ostrowski, Carla Ruiz\nGeschäftsführung\n").encode("utf-8")
    add("111-from-group-with-members.eml", message(hdr, body),
        "RFC 6854 group in From ('Managing Partners: ben.ostrowski@example.com, carla.ruiz@example.com;' with Sender, as RFC 5322 requires for several authors): the sender is the first member mailbox, ben.ostrowski@example.com, with no display name (the group's name belongs to no mailbox) - never the whole group text as one 'address'.",
        "b8d0f2a4-1c3e-4a5b-9d7f-2e4a6c8e0b1d@example.com", "ben.ostrowski@example.com", None,
        "Kündigung des Wartungsvertrags zum 31.12.",
        textContains=["hiermit kündigen wir den Wartungsvertrag WV-2291 fristgerecht zum 31.12.2023."])


# --------------------------------------------------------------------------------------------
# 112 webmail with an unfolded subject longer than 998 octets
# --------------------------------------------------------------------------------------------

def m112():
    frames = ["at com.example.shop.checkout.PaymentStep.submit(PaymentStep.java:%d)" % n for n in (412, 388, 97, 61)]
    subject = ("App crashes at checkout: java.lang.IllegalStateException: Payment session expired before confirmation "
               "(sessionId=9f2c7e1a-5b3d-4e8f-a1c6-7d9e0b2f4a68, basket=4 items, total=189.97 EUR) "
               + " ".join(frames * 3)
               + " at android.os.Handler.dispatchMessage(Handler.java:106) at android.os.Looper.loop(Looper.java:223)"
               " at android.app.ActivityThread.main(ActivityThread.java:7656) - happens every time, please help")
    assert len(subject) + len("Subject: ") > 998, len(subject)
    hdr = rcv("dorothy.kim@example.com", "sonic301-22.consmr.mail.example.com", "192.0.2.112", "4SWcj0aLm1z9wBb",
              "Fri, 17 Nov 2023 15:02:14 +0100 (CET)") + [
        ("Received", "from sonic.gate.mail.example.com by sonic301-22.consmr.mail.example.com with HTTP; Fri, 17 Nov 2023 14:02:11 +0000"),
        ("Date", "Fri, 17 Nov 2023 14:02:11 +0000 (UTC)"),
        ("From", "Dorothy Kim <dorothy.kim@example.com>"),
        ("To", '"support@example.net" <support@example.net>'),
        ("Message-ID", "<1458203761.2280941.1700229731542@mail.example.com>"),
        ("Subject", subject),
        ("MIME-Version", "1.0"),
        ("Content-Type", "text/plain; charset=UTF-8"),
        ("Content-Transfer-Encoding", "7bit"),
        ("X-Mailer", "WebService/1.1.21896 YMailNorrin")]
    body = "Hi, I copied the whole error into the subject. Order number is 9911-2035.\n\nDorothy\n"
    add("112-yahoo-long-subject.eml", message(hdr, body),
        "Yahoo Mail web (YMailNorrin) text/plain-only 7bit mail whose pasted stack trace makes the Subject one unfolded line of more than 998 octets (RFC 5322 line limit broken): the subject is read whole and exactly, nothing cut or lost, the body still found.",
        "1458203761.2280941.1700229731542@mail.example.com", "dorothy.kim@example.com", "Dorothy Kim", subject,
        textContains=["I copied the whole error into the subject. Order number is 9911-2035."])


# --------------------------------------------------------------------------------------------
# build, write, check
# --------------------------------------------------------------------------------------------

def build():
    names = sorted((n for n in globals() if re.match(r"^m\d{2,3}$", n)), key=lambda n: int(n[1:]))
    for n in names:
        globals()[n]()
    return MESSAGES


def write(messages):
    for f, wire, _, _ in messages:
        assert len(wire) < MAX_BYTES, (f, len(wire))
        with open(os.path.join(HERE, f), "wb") as fh:
            fh.write(wire)
    path = os.path.join(HERE, "manifest.json")
    with open(path, encoding="utf-8") as fh:
        text = fh.read()
    manifest = json.loads(text)
    # the entries generate.py wrote stay exactly as they are
    assert json.dumps(manifest, ensure_ascii=False, indent=2) + "\n" == text, "manifest.json not in generate.py's format"
    ours = {f for f, _, _, _ in messages}
    kept = [m for m in manifest if int(m["file"].split("-")[0]) < FIRST and m["file"] not in ours]
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        json.dump(kept + [m for _, _, m, _ in messages], fh, ensure_ascii=False, indent=2)
        fh.write("\n")


def wire_checks(f, wire):
    problems = []
    if re.search(rb"(?<!\r)\n", wire) or re.search(rb"\r(?!\n)", wire):
        problems.append("bare CR or LF")
    for i, line in enumerate(wire.split(b"\r\n")):
        if len(line) > 998 and not f.startswith("112-"):
            problems.append("line %d longer than 998 octets" % (i + 1))
    return problems


def check(messages):
    """Python's email package as an independent reader; differences that the conventions above
    explain (expect_python) are listed, not counted."""
    bad = 0
    for f, wire, man, expected in messages:
        got = g.py_read(wire)
        diffs = wire_checks(f, wire)
        for k in ("messageId", "from", "fromName", "subject", "hasHtml", "inReplyTo", "references", "threadIndex",
                  "bounceRecipients"):
            if got[k] != man[k]:
                diffs.append("%s: python=%r manifest=%r" % (k, got[k], man[k]))
        if sorted(got["flags"]) != sorted(man["flags"]):
            diffs.append("flags: python=%r manifest=%r" % (got["flags"], man["flags"]))
        for s in man["textContains"]:
            if s not in got["text"]:
                diffs.append("text lacks %r" % s)
        for s in man["textExcludes"]:
            if s in got["text"]:
                diffs.append("text contains excluded %r" % s)
        for s in man["htmlContains"]:
            if s not in got["html"]:
                diffs.append("html lacks %r" % s)
        ga, ma = got["attachments"], man["attachments"]
        if [dict(a, inline=None) for a in ga] != [dict(a, inline=None) for a in ma]:
            diffs.append("attachments:\n      python  =%s\n      manifest=%s" % (
                json.dumps(ga, ensure_ascii=False), json.dumps(ma, ensure_ascii=False)))
        elif ga != ma:
            diffs.append(("(expected) " if "inline" in expected else "") + "inline: python=%s manifest=%s" % (
                [a["inline"] for a in ga], [a["inline"] for a in ma]))
        def explained(d):
            key = "text" if d.startswith("text ") else d.split(":")[0]
            return key in expected
        diffs = [("(expected) " + d) if explained(d) else d for d in diffs]
        hard = [d for d in diffs if not d.startswith("(expected)")]
        bad += bool(hard)
        if diffs:
            print("%s  (%d bytes)" % (f, len(wire)))
            for d in diffs:
                print("    - " + d)
    print("%d messages, %d with unexplained differences from Python's reading" % (len(messages), bad))


def main():
    if "--check" in sys.argv:
        # the files and manifest entries on disk, checked against what this script would write
        man = {m["file"]: m for m in json.load(open(os.path.join(HERE, "manifest.json"), encoding="utf-8"))}
        msgs = []
        for f, wire, m, expected in build():
            with open(os.path.join(HERE, f), "rb") as fh:
                on_disk = fh.read()
            if on_disk != wire or man.get(f) != m:
                print("%s differs from what this script writes" % f)
            msgs.append((f, on_disk, man.get(f, m), expected))
    else:
        msgs = build()
        write(msgs)
    check(msgs)


if __name__ == "__main__":
    main()
