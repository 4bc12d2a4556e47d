#!/usr/bin/env python3
"""
Omnihub e-mail channel test corpus generator.

Writes NN-short-name.eml files (RFC 5322 / MIME, CRLF line endings unless the file name says
"lf-only") and manifest.json (what a correct, lenient parser must extract from each message)
into the directory this script lives in, then parses every file back with Python's `email`
package (policy=email.policy.default) and prints where Python's reading differs from the
manifest (expected differences are explained in the manifest "why" and in the report).

Deterministic: fixed dates, boundaries, Message-IDs and pseudo-random bytes (SHA-256 counter
stream); PNGs use stored (level 0) deflate so that the output does not depend on the zlib build.
All people are fictional; all domains are example.com / example.org / example.net.

Conventions behind manifest.json (what "correct" means here):
  * body parts: leaf text/plain and text/html parts without Content-Disposition: attachment and
    without a file name; "text" is the decoded text/plain (derived from the html when there is no
    text/plain part), "hasHtml" says whether a text/html body part exists.
  * attachments: every other leaf part, in document order, plus message/rfc822 parts as ONE
    attachment each (never descended into). message/delivery-status is report data (read for
    bounceRecipients), not an attachment. Signature parts (smime.p7s, OpenPGP), text/calendar,
    text/rfc822-headers and winmail.dat are kept as attachments.
    filename: RFC 2231 / RFC 2047 decoded, last path segment only, null if none.
    size: exact decoded byte count (for 7bit/8bit parts the raw bytes, CRLF included, without the
    CRLF that precedes the next boundary).
    inline: Content-Disposition is inline, or there is no Content-Disposition and a Content-ID.
    contentId: the Content-ID without <> whenever the part has one (also for non-inline parts).
  * flags: AUTO_SUBMITTED for Auto-Submitted other than "no", X-Autoreply, X-Autorespond,
    X-Auto-Response-Suppress, Precedence bulk/list/junk, List-Id / List-Unsubscribe,
    Return-Path: <>, and every bounce; BOUNCE only for permanent failures (DSN Action: failed,
    X-Failed-Recipients, or a recognisable MAILER-DAEMON "permanent error" text), never for
    Action: delayed; UNPARSEABLE only when nothing readable is there at all.
  * charsets are read leniently: unknown labels and bytes that are invalid for their label fall
    back to UTF-8 when valid, else windows-1252; gb2312 is read as GBK, Shift_JIS as Windows-31J;
    no charset + 8-bit bytes -> UTF-8 when valid; raw 8-bit header bytes -> UTF-8.

Usage:  python3 generate.py            # write corpus + check
        python3 generate.py --check    # only check the files already on disk
"""
import base64
import hashlib
import html as htmlmod
import json
import os
import re
import struct
import sys
import textwrap
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
MESSAGES = []   # list of (filename, wire bytes, manifest dict)


# --------------------------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------------------------

def T(s):
    """Dedent a triple-quoted block, drop the first newline; keeps a trailing newline."""
    return textwrap.dedent(s).lstrip("\n")


def prng(seed, n):
    out = bytearray()
    i = 0
    while len(out) < n:
        out += hashlib.sha256(("%s:%d" % (seed, i)).encode()).digest()
        i += 1
    return bytes(out[:n])


def b64(data, width=76):
    """base64 body, wrapped, LF line ends (converted to CRLF on write), trailing newline."""
    s = base64.b64encode(data)
    if not s:
        return b""
    return b"\n".join(s[i:i + width] for i in range(0, len(s), width)) + b"\n"


def qp(data, maxline=76):
    """Quoted-printable (RFC 2045) of LF-separated data. Soft breaks may split a multi-byte
    character between two encoded octets (legal and common)."""
    out = []
    for line in data.split(b"\n"):
        toks = []
        for i, b in enumerate(line):
            last = i == len(line) - 1
            if b in (9, 32) and last:
                toks.append("=%02X" % b)
            elif b == 61 or b > 126 or (b < 32 and b != 9):
                toks.append("=%02X" % b)
            else:
                toks.append(chr(b))
        cur = ""
        for t in toks:
            if len(cur) + len(t) > maxline - 1:
                out.append(cur + "=")
                cur = ""
            cur += t
        out.append(cur)
    return "\n".join(out).encode("ascii")


def ewb(text, cs, codec=None):
    return "=?%s?B?%s?=" % (cs, base64.b64encode(text.encode(codec or cs)).decode())


def ewq(text, cs, codec=None):
    out = []
    for b in text.encode(codec or cs):
        c = chr(b)
        if c == " ":
            out.append("_")
        elif b < 128 and (c.isalnum() or c in "!*+-/"):
            out.append(c)
        else:
            out.append("=%02X" % b)
    return "=?%s?Q?%s?=" % (cs, "".join(out))


def H(pairs):
    out = []
    for n, v in pairs:
        if isinstance(v, bytes):
            out.append(n.encode("ascii") + b": " + v)
        else:
            out.append((n + ": " + v).encode("ascii"))
    return b"\n".join(out)


def part(pairs, body):
    if isinstance(body, str):
        body = body.encode("ascii")
    return H(pairs) + b"\n\n" + body


def mp(boundary, parts, preamble=None, close=True, epilogue=b""):
    bd = boundary.encode("ascii")
    out = b""
    if preamble is not None:
        out += (preamble.encode("ascii") if isinstance(preamble, str) else preamble) + b"\n"
    for p in parts:
        out += b"--" + bd + b"\n" + p + b"\n"
    if close:
        out += b"--" + bd + b"--\n" + epilogue
    return out


def message(pairs, body):
    if isinstance(body, str):
        body = body.encode("ascii")
    return H(pairs) + b"\n\n" + body


def wire_len(b):
    """Size of a 7bit/8bit part body as it is on the wire (CRLF)."""
    return len(b.replace(b"\n", b"\r\n"))


def A(filename, ctype, size, inline=False, cid=None):
    return {"filename": filename, "contentType": ctype, "size": size, "inline": inline, "contentId": cid}


def png(w, h, seed):
    px = prng("png-" + seed, w * h * 3)
    raw = b"".join(b"\x00" + px[y * w * 3:(y + 1) * w * 3] for y in range(h))

    def chunk(t, d):
        return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xFFFFFFFF)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 0)) + chunk(b"IEND", b""))


def jpeg(n, seed):
    return (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x01\x00H\x00H\x00\x00"
            + prng("jpg-" + seed, n) + b"\xff\xd9")


GIF_1X1 = bytes.fromhex("47494638396101000100800000ffffff00000021f90401000000002c00000000010001000002024401003b")


def pdf(lines, pad=0, seed="pdf"):
    def esc(s):
        return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    content = ("BT /F1 12 Tf 72 770 Td 16 TL " + " ".join("(%s) '" % esc(l) for l in lines) + " ET").encode("latin-1")
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream"]
    if pad:
        blob = prng("pdfpad-" + seed, pad)
        objs.append(b"<< /Length %d >>\nstream\n" % len(blob) + blob + b"\nendstream")
    out = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"
    offs = []
    for i, o in enumerate(objs, 1):
        offs.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    x = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for o in offs:
        out += b"%010d 00000 n \n" % o
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, x)
    return out


def add(file, raw, why, messageId, frm, fromName, subject, textContains=(), textExcludes=(),
        htmlContains=(), hasHtml=False, attachments=(), flags=(), bounceRecipients=(), inReplyTo=None,
        references=(), threadIndex=False, newPartContains=(), newPartExcludes=(), eol="\r\n"):
    assert re.match(r"^\d\d-[a-z0-9-]+\.eml$", file), file
    if eol is None:          # binary garbage: written exactly as given
        wire = raw
    else:
        assert b"\r" not in raw, file
        wire = raw.replace(b"\n", eol.encode("ascii"))
    man = {
        "file": file, "why": why, "messageId": messageId, "from": frm, "fromName": fromName,
        "subject": subject, "textContains": list(textContains), "textExcludes": list(textExcludes),
        "htmlContains": list(htmlContains), "hasHtml": hasHtml, "attachments": list(attachments),
        "flags": list(flags), "bounceRecipients": list(bounceRecipients), "inReplyTo": inReplyTo,
        "references": list(references), "threadIndex": threadIndex,
        "newPartContains": list(newPartContains), "newPartExcludes": list(newPartExcludes),
    }
    MESSAGES.append((file, wire, man))


SUPPORT = "Omnihub Support <support@example.net>"


def rcv(sender, helo, ip, qid, date, rcpt="support@example.net"):
    """Typical trace headers added by the receiving Postfix."""
    return [("Return-Path", "<%s>" % sender if sender else "<>"),
            ("Delivered-To", rcpt),
            ("Received", "from %s (%s [%s])\n\tby mx.example.net (Postfix) with ESMTPS id %s\n\tfor <%s>; %s"
             % (helo, helo, ip, qid, rcpt, date))]


# --------------------------------------------------------------------------------------------
# 01-04 plain text UTF-8
# --------------------------------------------------------------------------------------------

def m01():
    d = "Mon, 13 Nov 2023 08:14:52 +0100"
    body = ("Guten Tag,\n\n"
            "bitte ändern Sie die Lieferadresse meiner Bestellung 4711 auf die folgende \n"
            "Adresse:\n\n"
            "Jörg Weißbrunn\nStraße des 17. Juni 135\n10623 Berlin\n\n"
            "Die Rechnung soll weiterhin an die alte Adresse gehen. Vielen Dank für \n"
            "Ihre Mühe!\n\n"
            "Mit freundlichen Grüßen\nJörg Weißbrunn\n").encode("utf-8")
    subj = "Rückfrage zu Bestellung 4711 – Lieferadresse ändern"
    hdr = rcv("joerg.weissbrunn@example.com", "mail.example.com", "192.0.2.10", "4SThd83xYkz9sWd",
              "Mon, 13 Nov 2023 08:14:55 +0100 (CET)") + [
        ("Message-ID", "<5c0e8f0a-3b1d-4f7e-9a2c-61d4e8b7f301@example.com>"),
        ("Date", d),
        ("MIME-Version", "1.0"),
        ("User-Agent", "Mozilla Thunderbird"),
        ("Content-Language", "de-DE"),
        ("To", "support@example.net"),
        ("From", ewq("Jörg Weißbrunn", "UTF-8") + " <joerg.weissbrunn@example.com>"),
        ("Subject", ewq("Rückfrage zu Bestellung 4711 – Lieferadresse ", "UTF-8") + "\n " + ewq("ändern", "UTF-8")),
        ("Content-Type", "text/plain; charset=UTF-8; format=flowed"),
        ("Content-Transfer-Encoding", "8bit")]
    add("01-plain-utf8-8bit.eml", message(hdr, body),
        "Thunderbird text/plain UTF-8 sent as raw 8bit with format=flowed soft line breaks (trailing space); Q-encoded subject split over two folded encoded-words.",
        "5c0e8f0a-3b1d-4f7e-9a2c-61d4e8b7f301@example.com", "joerg.weissbrunn@example.com", "Jörg Weißbrunn", subj,
        textContains=["bitte ändern Sie die Lieferadresse", "Straße des 17. Juni 135", "Vielen Dank für", "Mit freundlichen Grüßen"],
        textExcludes=["=C3", "Ã¤"])


def m02():
    text = ("Bonjour,\n\n"
            "Je n'arrive plus à me connecter à mon espace client en ligne depuis la récente mise à jour de l'application "
            "mobile. Le message d'erreur indique « identifiant ou mot de passe incorrect », alors que je suis "
            "sûre de mon mot de passe et que j'ai déjà essayé la procédure de réinitialisation.\n\n"
            "Pourriez-vous débloquer mon accès ? Mon numéro de client est le 88-3141.\n\n"
            "Merci d'avance et très bonne journée,\n"
            "Émilie Dubois\n")
    enc = qp(text.encode("utf-8"))
    assert re.search(rb"=C3=\n=[89AB][0-9A-F]", enc), "want a soft break inside a UTF-8 sequence"
    hdr = rcv("emilie.dubois@example.org", "webmail.example.org", "198.51.100.23", "4SThf21LmQz9sWq",
              "Mon, 13 Nov 2023 09:01:12 +0100 (CET)") + [
        ("MIME-Version", "1.0"),
        ("Date", "Mon, 13 Nov 2023 09:01:10 +0100"),
        ("From", ewq("Émilie Dubois", "UTF-8") + " <emilie.dubois@example.org>"),
        ("To", "support@example.net"),
        ("Subject", ewq("Impossible de me connecter à mon espace client", "UTF-8")),
        ("Message-ID", "<9b1f0d2e57a4c3e8f6a1b2c3d4e5f607@webmail.example.org>"),
        ("X-Sender", "emilie.dubois@example.org"),
        ("User-Agent", "Roundcube Webmail/1.6.5"),
        ("Content-Type", "text/plain; charset=UTF-8"),
        ("Content-Transfer-Encoding", "quoted-printable")]
    add("02-plain-utf8-qp.eml", message(hdr, enc),
        "Roundcube quoted-printable UTF-8 whose soft line breaks fall inside multi-byte characters (=C3=<CRLF>=A9): QP must be decoded to bytes first, then the charset.",
        "9b1f0d2e57a4c3e8f6a1b2c3d4e5f607@webmail.example.org", "emilie.dubois@example.org", "Émilie Dubois",
        "Impossible de me connecter à mon espace client",
        textContains=["Je n'arrive plus à me connecter à mon espace client",
                      "« identifiant ou mot de passe incorrect »", "déjà essayé la procédure de réinitialisation",
                      "Mon numéro de client est le 88-3141.", "Émilie Dubois"],
        textExcludes=["=C3", "=\r\n", "\ufffd"])


def m03():
    text = ("Hola:\n\n"
            "Hice el pedido 5521 hace diez días y el seguimiento sigue diciendo «en tránsito». "
            "El número de seguimiento es ES-5521-77.\n"
            "¿Podéis averiguar dónde está el paquete? Lo necesito antes del viernes.\n\n"
            "Gracias,\nLucía Fernández\n\n"
            "--\n"
            "Enviado desde mi dispositivo Android con K-9 Mail. Disculpa mi brevedad.\n")
    hdr = rcv("lucia.fernandez@example.org", "smtp.example.org", "198.51.100.40", "4SThg03Wq1z9sX2",
              "Mon, 13 Nov 2023 09:33:41 +0100 (CET)") + [
        ("MIME-Version", "1.0"),
        ("Date", "Mon, 13 Nov 2023 09:33:38 +0100"),
        ("User-Agent", "K-9 Mail for Android"),
        ("Content-Type", "text/plain; charset=utf-8"),
        ("Content-Transfer-Encoding", "base64"),
        ("Subject", ewq("Pedido 5521: ¿dónde está mi paquete?", "UTF-8")),
        ("To", "support@example.net"),
        ("From", "=?ISO-8859-1?Q?Luc=EDa_Fern=E1ndez?= <lucia.fernandez@example.org>"),
        ("Message-ID", "<8A3F2C1D-5E6B-4A7C-9D8E-0F1A2B3C4D5E@example.org>")]
    add("03-plain-utf8-base64.eml", message(hdr, b64(text.encode("utf-8"))),
        "Android K-9 Mail text/plain UTF-8 with base64 transfer encoding; subject Q-encoded UTF-8 with '?' encoded as =3F; display name in ISO-8859-1 while body is UTF-8.",
        "8A3F2C1D-5E6B-4A7C-9D8E-0F1A2B3C4D5E@example.org", "lucia.fernandez@example.org", "Lucía Fernández",
        "Pedido 5521: ¿dónde está mi paquete?",
        textContains=["el seguimiento sigue diciendo «en tránsito»", "ES-5521-77", "¿Podéis averiguar dónde está el paquete?", "Lucía Fernández"],
        textExcludes=["SG9sYT"])


def m04():
    subj = "🎉 Danke!!! Paket ist angekommen 📦👍"
    text = ("Hallo zusammen,\n\n"
            "das Paket ist heil angekommen 📦 – die Kinder sind total begeistert 😍👨‍👩‍👧‍👦\n"
            "Nur die Batterien 🔋 haben gefehlt, aber die hatten wir noch da.\n\n"
            "Danke 🙏🏽 und schöne Grüße aus Köln 🇩🇪\n"
            "Sophie\n\n"
            "Von meinem iPhone gesendet\n")
    hdr = rcv("sophie.brandt@example.com", "mail.example.com", "192.0.2.77", "4SThh5Kc9Pz9sXc",
              "Mon, 13 Nov 2023 18:41:09 +0100 (CET)") + [
        ("Content-Type", "text/plain; charset=utf-8"),
        ("Content-Transfer-Encoding", "quoted-printable"),
        ("From", "Sophie Brandt <sophie.brandt@example.com>"),
        ("Mime-Version", "1.0 (1.0)"),
        ("Date", "Mon, 13 Nov 2023 18:41:07 +0100"),
        ("Subject", ewb("🎉 Danke!!! Paket ist ", "utf-8") + "\n " + ewb("angekommen 📦👍", "utf-8")),
        ("Message-Id", "<4C1D9E0B-7F3A-4B2E-8D6C-2A9F1E0B3C7D@example.com>"),
        ("To", "support@example.net"),
        ("X-Mailer", "iPhone Mail (21A360)")]
    add("04-emoji.eml", message(hdr, qp(text.encode("utf-8"))),
        "iPhone Mail: emoji (4-byte UTF-8, ZWJ family sequence, skin-tone modifier, flag pair) in a B-encoded subject split into two encoded-words and in a QP body.",
        "4C1D9E0B-7F3A-4B2E-8D6C-2A9F1E0B3C7D@example.com", "sophie.brandt@example.com", "Sophie Brandt", subj,
        textContains=["📦", "😍👨‍👩‍👧‍👦", "Danke 🙏🏽", "schöne Grüße aus Köln 🇩🇪", "Batterien 🔋"],
        textExcludes=["=F0=9F", "\ufffd"])


# --------------------------------------------------------------------------------------------
# 05-07 html
# --------------------------------------------------------------------------------------------

def m05():
    b = "000000000000a7c1e3060a1f2e3d"
    text = ("Hi,\n\n"
            "my credit card was charged twice for invoice INV-2023-0912 ($149.00 on Nov 2 and again on Nov 3).\n"
            "Could you please refund the duplicate charge?\n\n"
            "Thanks,\nPriya\n")
    html = ('<div dir="ltr"><div>Hi,</div><div><br></div><div>my credit card was charged <b>twice</b> for '
            'invoice INV-2023-0912 ($149.00 on Nov 2 and again on Nov 3).</div><div>Could you please refund the '
            'duplicate charge?</div><div><br></div><div>Thanks,</div><div>Priya</div></div>\n')
    body = mp(b, [
        part([("Content-Type", 'text/plain; charset="UTF-8"'), ("Content-Transfer-Encoding", "quoted-printable")], qp(text.encode())),
        part([("Content-Type", 'text/html; charset="UTF-8"'), ("Content-Transfer-Encoding", "quoted-printable")], qp(html.encode())),
    ])
    hdr = rcv("priya.raman@example.com", "mail-sor-f41.example.com", "192.0.2.41", "4SThj0Rr4Hz9sY0",
              "Mon, 13 Nov 2023 10:12:30 +0100 (CET)") + [
        ("MIME-Version", "1.0"),
        ("From", "Priya Raman <priya.raman@example.com>"),
        ("Date", "Mon, 13 Nov 2023 14:42:27 +0530"),
        ("Message-ID", "<CAJx7fQn+0v3Zk1Qz8yR2c5Hq9aJp0Wm3sT6uV4bN1xE_kLd8Fg@mail.example.com>"),
        ("Subject", "Invoice INV-2023-0912 charged twice"),
        ("To", "support@example.net"),
        ("Content-Type", 'multipart/alternative; boundary="%s"' % b)]
    add("05-alternative-text-html.eml", message(hdr, body),
        "Gmail multipart/alternative with QP text and QP html: text must come from the text/plain part, html from text/html (soft breaks inside html tags).",
        "CAJx7fQn+0v3Zk1Qz8yR2c5Hq9aJp0Wm3sT6uV4bN1xE_kLd8Fg@mail.example.com", "priya.raman@example.com", "Priya Raman",
        "Invoice INV-2023-0912 charged twice",
        textContains=["charged twice for invoice INV-2023-0912 ($149.00 on Nov 2", "refund the duplicate charge?"],
        textExcludes=["<div", "<b>"],
        htmlContains=['<div dir="ltr">', "charged <b>twice</b> for"], hasHtml=True)


def m06():
    html = T("""
        <!DOCTYPE html>
        <html>
        <head>
        <meta charset="utf-8">
        <title>Kontaktformular</title>
        <style type="text/css">
        body { font-family: Arial, sans-serif; color: #333; }
        .footer { font-size: 10px; }
        </style>
        <script type="text/javascript">
        document.cookie = "sid=" + Math.random(); alert("XSS-PROBE-1");
        </script>
        </head>
        <body onload="init()">
        <h1>Neue Nachricht &uuml;ber das Kontaktformular</h1>
        <p>Name: Kl&aacute;ra Nov&aacute;k<br>
        E-Mail: klara.novak@example.org</p>
        <p>Nachricht: Mein Router zeigt seit gestern den Fehler E-42 &amp; startet ständig neu.</p>
        <p><a href="https://status.example.com/ticket?id=42" onclick="steal(document.cookie); return false;">Status ansehen</a></p>
        <img src="http://images.example.org/banner.png" width="600" height="80" alt="Banner">
        <p class="footer">Gesendet über das Kontaktformular von www.example.com</p>
        </body>
        </html>
        """)
    hdr = rcv("www-data@web01.example.com", "web01.example.com", "192.0.2.55", "4SThk1Pq7Vz9sYb",
              "Mon, 13 Nov 2023 11:05:02 +0100 (CET)") + [
        ("Date", "Mon, 13 Nov 2023 11:05:01 +0100"),
        ("To", "support@example.net"),
        ("From", "Website <noreply-form@example.com>"),
        ("Reply-To", ewq("Klára Novák", "UTF-8") + " <klara.novak@example.org>"),
        ("Subject", "Kontaktformular: Router startet neu"),
        ("Message-ID", "<Xk3p9QvB2mR7tY1zL0aW8sD4fG6hJ5@web01.example.com>"),
        ("X-Mailer", "PHPMailer 6.8.1 (https://github.com/PHPMailer/PHPMailer)"),
        ("MIME-Version", "1.0"),
        ("Content-Type", "text/html; charset=UTF-8"),
        ("Content-Transfer-Encoding", "8bit")]
    add("06-html-only-script.eml", message(hdr, html.encode("utf-8")),
        "HTML-only (no text/plain) 8bit mail with <script>, <style>, onload/onclick handlers, a remote http <img> and HTML entities: text must be derived from the HTML without script/style content and with entities decoded; the html itself is kept unsanitized.",
        "Xk3p9QvB2mR7tY1zL0aW8sD4fG6hJ5@web01.example.com", "noreply-form@example.com", "Website",
        "Kontaktformular: Router startet neu",
        textContains=["Neue Nachricht über das Kontaktformular", "Klára Novák", "den Fehler E-42 & startet ständig neu", "Status ansehen"],
        textExcludes=["XSS-PROBE-1", "document.cookie", "font-family", "<script", "<p>", "&amp;", "&aacute;"],
        htmlContains=["<script type=\"text/javascript\">", "onclick=\"steal(document.cookie)", 'src="http://images.example.org/banner.png"', "<style type=\"text/css\">"],
        hasHtml=True)


def m07():
    b = "----=_Part_418823_1130574220.1699871400125"
    pixel = '<img src="https://t.example.org/e2t/to/VWv3Yk7Q9tZN/open.gif?r=7f3a" width="1" height="1" alt="" style="display:none!important;min-height:1px;width:1px;border-width:0" />'
    text = ("Hi there,\n\n"
            "following up on our call: the Enterprise plan includes 25 agent seats and the email channel.\n"
            "Happy to set up a trial next week.\n\n"
            "Best,\nMarco Rossi\nAccount Executive\n")
    html = ('<html><head></head><body><div>Hi there,<br><br>following up on our call: the Enterprise plan includes '
            '<strong>25 agent seats</strong> and the email channel.<br>Happy to set up a trial next week.<br><br>'
            'Best,<br>Marco Rossi<br>Account Executive</div>' + pixel + '</body></html>\n')
    body = mp(b, [
        part([("Content-Type", "text/plain; charset=UTF-8"), ("Content-Transfer-Encoding", "7bit")], text),
        part([("Content-Type", "text/html; charset=UTF-8"), ("Content-Transfer-Encoding", "quoted-printable")], qp(html.encode())),
    ])
    hdr = rcv("marco.rossi@example.org", "outbound.example.org", "198.51.100.88", "4SThm7Tt2Rz9sZ1",
              "Mon, 13 Nov 2023 11:30:02 +0100 (CET)") + [
        ("Date", "Mon, 13 Nov 2023 10:30:00 +0000 (UTC)"),
        ("From", "Marco Rossi <marco.rossi@example.org>"),
        ("To", "support@example.net"),
        ("Message-ID", "<1699871400125.418823.sales@outbound.example.org>"),
        ("Subject", "Next steps for your Enterprise trial"),
        ("MIME-Version", "1.0"),
        ("Content-Type", 'multipart/alternative; \n\tboundary="%s"' % b),
        ("X-Sales-Tracking", "open=1; clicks=1")]
    add("07-html-tracking-pixel.eml", message(hdr, body),
        "Sales mail whose html carries a hidden 1x1 remote tracking pixel; it is a normal person-to-person mail (not bulk), so no flags; the pixel must not become an attachment.",
        "1699871400125.418823.sales@outbound.example.org", "marco.rossi@example.org", "Marco Rossi",
        "Next steps for your Enterprise trial",
        textContains=["the Enterprise plan includes 25 agent seats", "Marco Rossi"],
        htmlContains=['src="https://t.example.org/e2t/to/VWv3Yk7Q9tZN/open.gif?r=7f3a"', "<strong>25 agent seats</strong>"],
        hasHtml=True)


# --------------------------------------------------------------------------------------------
# 08-12 attachments and inline images
# --------------------------------------------------------------------------------------------

def m08():
    b = "------------9nV0yvOT3gUK0m1y0a1E2Zbz"
    pdfdata = pdf(["Rechnung 2023-117", "Kunde: Jörg Weißbrunn".encode("latin-1").decode("latin-1"), "Betrag: 349,00 EUR"], seed="08")
    jpg = jpeg(5000, "08")
    body = mp(b, [
        part([("Content-Type", "text/plain; charset=UTF-8; format=flowed"), ("Content-Transfer-Encoding", "7bit")],
             "Hallo,\n\nanbei die Rechnung und ein Foto vom beschaedigten Karton.\n\nGruss\nJoerg\n"),
        part([("Content-Type", 'application/pdf; name="Rechnung_2023-117.pdf"'),
              ("Content-Disposition", 'attachment; filename="Rechnung_2023-117.pdf"'),
              ("Content-Transfer-Encoding", "base64")], b64(pdfdata)),
        part([("Content-Type", 'image/jpeg; name="Foto Schaden.jpg"'),
              ("Content-Disposition", 'attachment; filename="Foto Schaden.jpg"'),
              ("Content-Transfer-Encoding", "base64")], b64(jpg)),
    ], preamble="This is a multi-part message in MIME format.")
    hdr = rcv("joerg.weissbrunn@example.com", "mail.example.com", "192.0.2.10", "4SThn2Ab8Cz9sZd",
              "Mon, 13 Nov 2023 12:01:45 +0100 (CET)") + [
        ("Content-Type", 'multipart/mixed; boundary="%s"' % b),
        ("Message-ID", "<b7d3e1c2-0a9f-4e8d-8c7b-6a5f4e3d2c1b@example.com>"),
        ("Date", "Mon, 13 Nov 2023 12:01:43 +0100"),
        ("MIME-Version", "1.0"),
        ("User-Agent", "Mozilla Thunderbird"),
        ("Content-Language", "de-DE"),
        ("To", "support@example.net"),
        ("From", ewq("Jörg Weißbrunn", "UTF-8") + " <joerg.weissbrunn@example.com>"),
        ("Subject", "Rechnung und Foto zur Reklamation")]
    add("08-mixed-pdf-image.eml", message(hdr, body),
        "Thunderbird multipart/mixed with a preamble, a text part and two base64 attachments (PDF, JPEG with a space in the name); sizes are decoded byte counts.",
        "b7d3e1c2-0a9f-4e8d-8c7b-6a5f4e3d2c1b@example.com", "joerg.weissbrunn@example.com", "Jörg Weißbrunn",
        "Rechnung und Foto zur Reklamation",
        textContains=["anbei die Rechnung und ein Foto"],
        textExcludes=["This is a multi-part message in MIME format", "JVBERi0"],
        attachments=[A("Rechnung_2023-117.pdf", "application/pdf", len(pdfdata)),
                     A("Foto Schaden.jpg", "image/jpeg", len(jpg))])


def m09():
    rel = "_004_DB9PR01MB73548B2C1D0E9F8A7B6C5D4E3F2A1B0C9D8E7DB9PR01MB_"
    alt = "_000_DB9PR01MB73548B2C1D0E9F8A7B6C5D4E3F2A1B0C9D8E7DB9PR01MB_"
    img1 = png(64, 40, "09a")
    img2 = jpeg(2400, "09b")
    cid1, cid2 = "image001.png@01DA16F2.3C4B5A60", "image002.jpg@01DA16F2.3C4B5A60"
    text = ("Hi,\n\nplease find the screenshot of the error below. It appears every time I open the\n"
            "\"Invoices\" tab.\n\n[cid:%s]\n\nKind regards\nAda Lovelace\n[cid:%s]\n\n" % (cid1, cid2))
    html = ('<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
            'xmlns:w="urn:schemas-microsoft-com:office:word" xmlns:m="http://schemas.microsoft.com/office/2004/12/omml" '
            'xmlns="http://www.w3.org/TR/REC-html40">\n<head>\n<meta http-equiv="Content-Type" content="text/html; charset=us-ascii">\n'
            '<meta name="Generator" content="Microsoft Word 15 (filtered medium)">\n<style><!--\n'
            '/* Font Definitions */\n@font-face\n\t{font-family:"Cambria Math";\n\tpanose-1:2 4 5 3 5 4 6 3 2 4;}\n'
            'p.MsoNormal, li.MsoNormal, div.MsoNormal\n\t{margin:0cm;\n\tfont-size:11.0pt;\n\tfont-family:"Calibri",sans-serif;}\n'
            '--></style>\n</head>\n<body lang="EN-GB" link="#0563C1" vlink="#954F72" style="word-wrap:break-word">\n'
            '<div class="WordSection1">\n<p class="MsoNormal">Hi,<o:p></o:p></p>\n'
            '<p class="MsoNormal">please find the screenshot of the error below. It appears every time I open the &quot;Invoices&quot; tab.<o:p></o:p></p>\n'
            '<p class="MsoNormal"><img width="640" height="400" style="width:6.6666in;height:4.1666in" id="Picture_x0020_1" src="cid:%s"><o:p></o:p></p>\n'
            '<p class="MsoNormal">Kind regards<br>Ada Lovelace<br><img width="120" height="40" id="Picture_x0020_2" src="cid:%s" alt="Analytical Engines Ltd."><o:p></o:p></p>\n'
            '</div>\n</body>\n</html>\n' % (cid1, cid2))
    inner = mp(alt, [
        part([("Content-Type", 'text/plain; charset="us-ascii"'), ("Content-Transfer-Encoding", "quoted-printable")], qp(text.encode())),
        part([("Content-Type", 'text/html; charset="us-ascii"'), ("Content-Transfer-Encoding", "quoted-printable")], qp(html.encode())),
    ])
    cd = '\n\tcreation-date="Tue, 14 Nov 2023 08:12:44 GMT";\n\tmodification-date="Tue, 14 Nov 2023 08:12:44 GMT"'
    body = mp(rel, [
        part([("Content-Type", 'multipart/alternative;\n\tboundary="%s"' % alt)], b"\n" + inner),
        part([("Content-Type", 'image/png; name="image001.png"'), ("Content-Description", "image001.png"),
              ("Content-Disposition", 'inline; filename="image001.png"; size=%d;%s' % (len(img1), cd)),
              ("Content-ID", "<%s>" % cid1), ("Content-Transfer-Encoding", "base64")], b64(img1)),
        part([("Content-Type", 'image/jpeg; name="image002.jpg"'), ("Content-Description", "image002.jpg"),
              ("Content-Disposition", 'inline; filename="image002.jpg"; size=%d;%s' % (len(img2), cd)),
              ("Content-ID", "<%s>" % cid2), ("Content-Transfer-Encoding", "base64")], b64(img2)),
    ])
    hdr = [("Received", "from DB9PR01MB7354.eurprd01.prod.example.com (2603:10a6:10:2d8::14) by\n DB9PR01MB7354.eurprd01.prod.example.com with HTTPS; Tue, 14 Nov 2023 08:12:44 +0000"),
           ("From", '"Lovelace, Ada" <ada.lovelace@example.com>'),
           ("To", '"support@example.net" <support@example.net>'),
           ("Subject", "Screenshot of the error"),
           ("Thread-Topic", "Screenshot of the error"),
           ("Thread-Index", "AdoW8c3aQk1Yb2xmZ3JhbW1lU3VwcG9ydA=="),
           ("Date", "Tue, 14 Nov 2023 08:12:44 +0000"),
           ("Message-ID", "<DB9PR01MB73548B2C1D0E9F8A7B6C5D4E3F2A1B0C9D8E7@DB9PR01MB7354.eurprd01.prod.example.com>"),
           ("Accept-Language", "en-GB, en-US"),
           ("Content-Language", "en-US"),
           ("X-MS-Has-Attach", "yes"),
           ("X-MS-TNEF-Correlator", ""),
           ("Content-Type", 'multipart/related;\n\tboundary="%s";\n\ttype="multipart/alternative"' % rel),
           ("MIME-Version", "1.0")]
    add("09-related-outlook-cid.eml", message(hdr, body),
        "Outlook multipart/related(type=multipart/alternative) with two inline images (Content-Disposition inline + size/creation-date params, Content-ID image001.png@01DA...) referenced by cid: from Word-generated html.",
        "DB9PR01MB73548B2C1D0E9F8A7B6C5D4E3F2A1B0C9D8E7@DB9PR01MB7354.eurprd01.prod.example.com",
        "ada.lovelace@example.com", "Lovelace, Ada", "Screenshot of the error",
        textContains=["please find the screenshot of the error below", "Kind regards"],
        textExcludes=["MsoNormal"],
        htmlContains=['src="cid:%s"' % cid1, 'src="cid:%s"' % cid2], hasHtml=True,
        attachments=[A("image001.png", "image/png", len(img1), True, cid1),
                     A("image002.jpg", "image/jpeg", len(img2), True, cid2)],
        threadIndex=True)


def m10():
    alt = "Apple-Mail=_3E4F5A6B-7C8D-4E9F-A0B1-C2D3E4F5A6B7"
    rel = "Apple-Mail=_9A8B7C6D-5E4F-4A3B-9C2D-1E0F9A8B7C6D"
    cid = "B6C3E1F2-9A4D-4B7E-8C1F-3D2E5A6B7C8D"
    img = jpeg(7000, "10")
    text = "Hello,\n\nthe cabinet arrived with a broken hinge, see photo:\n\n\nCould you send a replacement hinge? Order 6612.\n\nNoah\n"
    html = ('<html aria-label="message body"><head><meta http-equiv="content-type" content="text/html; charset=utf-8"></head>'
            '<body style="overflow-wrap: break-word; -webkit-nbsp-mode: space; line-break: after-white-space;">Hello,'
            '<div><br></div><div>the cabinet arrived with a broken hinge, see photo:</div><div><br></div><div>'
            '<img apple-inline="yes" id="7A1B2C3D-4E5F-4061-8A9B-0C1D2E3F4A5B" src="cid:%s" alt="IMG_4821.jpeg"></div>'
            '<div><br></div><div>Could you send a replacement hinge? Order 6612.</div><div><br></div><div>Noah</div></body></html>' % cid)
    relbody = mp(rel, [
        part([("Content-Transfer-Encoding", "quoted-printable"), ("Content-Type", "text/html;\n\tcharset=utf-8")], qp(html.encode())),
        part([("Content-Transfer-Encoding", "base64"), ("Content-Disposition", "inline;\n\tfilename=IMG_4821.jpeg"),
              ("Content-Type", 'image/jpeg;\n\tx-unix-mode=0644;\n\tname="IMG_4821.jpeg"'), ("Content-Id", "<%s>" % cid)], b64(img)),
    ])
    body = mp(alt, [
        part([("Content-Transfer-Encoding", "7bit"), ("Content-Type", "text/plain;\n\tcharset=us-ascii")], text),
        part([("Content-Type", 'multipart/related;\n\ttype="text/html";\n\tboundary="%s"' % rel)], b"\n\n" + relbody),
    ])
    hdr = rcv("noah.fischer@example.com", "mail.example.com", "192.0.2.61", "4STj0m2Kx1z9t0a",
              "Tue, 14 Nov 2023 09:27:16 +0100 (CET)") + [
        ("From", "Noah Fischer <noah.fischer@example.com>"),
        ("Content-Type", 'multipart/alternative;\n\tboundary="%s"' % alt),
        ("Mime-Version", "1.0 (Mac OS X Mail 16.0 \\(3774.200.91.1.1\\))"),
        ("Subject", "Broken hinge on delivery"),
        ("Message-Id", "<1F2E3D4C-5B6A-4978-8695-A4B3C2D1E0F9@example.com>"),
        ("Date", "Tue, 14 Nov 2023 09:27:13 +0100"),
        ("To", "support@example.net"),
        ("X-Mailer", "Apple Mail (2.3774.200.91.1.1)")]
    add("10-related-apple-cid.eml", message(hdr, body),
        "Apple Mail puts multipart/related INSIDE multipart/alternative (text/plain | related{html, image}); the Content-Id is a bare UUID without '@', filename unquoted, MIME-Version carries a comment.",
        "1F2E3D4C-5B6A-4978-8695-A4B3C2D1E0F9@example.com", "noah.fischer@example.com", "Noah Fischer", "Broken hinge on delivery",
        textContains=["the cabinet arrived with a broken hinge", "Could you send a replacement hinge? Order 6612."],
        htmlContains=['src="cid:%s"' % cid], hasHtml=True,
        attachments=[A("IMG_4821.jpeg", "image/jpeg", len(img), True, cid)])


def m11():
    rel = "=_related 003C4D5EC1258A5A_="
    alt = "=_alternative 003C4D5EC1258A5A_="
    cid = "_1_0B5C2A1C0B5C26D8003C4D5EC1258A5A"
    text = ("Hello,\n\nplease note the maintenance window on Saturday 18 November, 06:00-09:00 CET.\n"
            "The customer portal will not be reachable during that time.\n\nRegards\nDieter Krause\nIT Operations\n")
    html = ('<font size=2 face="sans-serif">Hello,</font><br><br><font size=2 face="sans-serif">please note the maintenance window '
            'on Saturday 18 November, 06:00-09:00 CET.</font><br><font size=2 face="sans-serif">The customer portal will not be '
            'reachable during that time.</font><br><br><font size=2 face="sans-serif">Regards<br>Dieter Krause<br>IT Operations</font>'
            '<br><img src=cid:%s><br>\n' % cid)
    altbody = mp(alt, [
        part([("Content-Type", 'text/plain; charset="US-ASCII"')], text),
        part([("Content-Type", 'text/html; charset="US-ASCII"')], html),
    ])
    body = mp(rel, [
        part([("Content-Type", 'multipart/alternative; boundary="%s"' % alt)], b"\n" + altbody),
        part([("Content-Type", "image/gif"), ("Content-ID", "<%s>" % cid), ("Content-Transfer-Encoding", "base64")], b64(GIF_1X1)),
    ], preamble="This is a multipart message in MIME format.")
    hdr = rcv("dieter.krause@example.com", "notes01.example.com", "192.0.2.90", "4STj1b7Hc2z9t0k",
              "Tue, 14 Nov 2023 11:57:05 +0100 (CET)") + [
        ("MIME-Version", "1.0"),
        ("Subject", "Maintenance window on Saturday"),
        ("To", "support@example.net"),
        ("X-Mailer", "Lotus Notes Release 9.0.1FP10 SHF68 November 13, 2019"),
        ("Message-ID", "<OF1A2B3C4D.5E6F7081-ONC1258A5A.003B2C1D-C1258A5A.003C4D5E@example.com>"),
        ("From", "Dieter Krause <dieter.krause@example.com>"),
        ("Date", "Tue, 14 Nov 2023 11:57:03 +0100"),
        ("X-MIMETrack", "Serialize by Router on MAIL01/ACME(Release 9.0.1FP10|November 13, 2019) at\n 14.11.2023 11:57:03"),
        ("Content-Type", 'multipart/related; boundary="%s"' % rel)]
    add("11-inline-image-no-disposition.eml", message(hdr, body),
        "Lotus Notes: inline GIF with a Content-ID but no Content-Disposition and no name at all (inline=true, filename null); boundaries contain spaces and '='; text parts have no Content-Transfer-Encoding; unquoted cid: in html.",
        "OF1A2B3C4D.5E6F7081-ONC1258A5A.003B2C1D-C1258A5A.003C4D5E@example.com", "dieter.krause@example.com", "Dieter Krause",
        "Maintenance window on Saturday",
        textContains=["maintenance window on Saturday 18 November, 06:00-09:00 CET", "IT Operations"],
        htmlContains=["<img src=cid:%s>" % cid], hasHtml=True,
        attachments=[A(None, "image/gif", len(GIF_1X1), True, cid)])


def m12():
    b = "=-ScanMIME-20231114124019-0001"
    pdfdata = pdf(["SCAN 2023-11-14 12:40:19", "Device MFP-3F-East", "Page 1 of 2"], seed="12")
    body = mp(b, [
        part([("Content-Type", "text/plain; charset=us-ascii"), ("Content-Transfer-Encoding", "7bit")],
             "Scanned document attached.\nDevice: MFP-3F-East\nPages: 2\nResolution: 300 dpi\n"),
        part([("Content-Type", 'application/pdf; name="SCAN_20231114_124019.pdf"'), ("Content-Transfer-Encoding", "base64"),
              ("Content-Disposition", "attachment")], b64(pdfdata)),
    ])
    hdr = [("Return-Path", "<scanner@example.com>"),
           ("Received", "from mfp-3f-east.example.com (mfp-3f-east.example.com [10.20.3.14])\n\tby mx.example.net (Postfix) with ESMTP id 4STj2c0Tt3z9t0r\n\tfor <support@example.net>; Tue, 14 Nov 2023 12:40:21 +0100 (CET)"),
           ("From", "scanner@example.com"),
           ("To", "support@example.net"),
           ("Subject", "Scanned document from MFP-3F-East"),
           ("Date", "Tue, 14 Nov 2023 12:40:19 +0100"),
           ("Message-ID", "<MFP3FEAST.20231114124019.0001@example.com>"),
           ("MIME-Version", "1.0"),
           ("X-Mailer", "MFP-3F-East SMTP Scan Service 2.1"),
           ("Content-Type", 'multipart/mixed; boundary="%s"' % b)]
    add("12-filename-name-only.eml", message(hdr, body),
        "Scanner mail: the PDF's file name is given only as name= on Content-Type (Content-Disposition: attachment has no filename); From has no display name.",
        "MFP3FEAST.20231114124019.0001@example.com", "scanner@example.com", None, "Scanned document from MFP-3F-East",
        textContains=["Scanned document attached.", "Device: MFP-3F-East"],
        attachments=[A("SCAN_20231114_124019.pdf", "application/pdf", len(pdfdata))])


# --------------------------------------------------------------------------------------------
# 13-18 RFC 2047 / RFC 2231
# --------------------------------------------------------------------------------------------

def ewb_split(text, cs, maxlen=75, codec=None):
    """B-encode text into several encoded-words, each <= maxlen chars, split between characters."""
    words, cur = [], ""
    for ch in text:
        if len(ewb(cur + ch, cs, codec)) > maxlen:
            words.append(ewb(cur, cs, codec))
            cur = ""
        cur += ch
    words.append(ewb(cur, cs, codec))
    return words


def pct(b):
    return "".join(chr(x) if (chr(x).isalnum() and x < 128) or chr(x) in "-._~" else "%%%02X" % x for x in b)


def m13():
    subj = "Störung der Internetverbindung seit Montag"
    text = ("Hej,\n\nsedan i måndags fungerar inte min internetanslutning. Routern blinkar rött.\n"
            "Kundnummer: 20-7781.\n\nMed vänliga hälsningar\nBjörn Åkesson\n")
    hdr = rcv("bjorn.akesson@example.com", "mail.example.com", "192.0.2.12", "4STj3d5Qr4z9t11",
              "Tue, 14 Nov 2023 07:45:22 +0100 (CET)") + [
        ("Subject", ewb(subj, "UTF-8")),
        ("From", ewq("Björn Åkesson", "UTF-8") + " <bjorn.akesson@example.com>"),
        ("To", ewq("Kundtjänst", "UTF-8") + " <support@example.net>"),
        ("Date", "Tue, 14 Nov 2023 07:45:20 +0100"),
        ("Message-ID", "<b1f3a3c1e2d4f5a6b7c8d9e0f1a2b3c4d5e6f7a8.camel@example.com>"),
        ("Content-Type", "text/plain; charset=\"UTF-8\""),
        ("Content-Transfer-Encoding", "8bit"),
        ("User-Agent", "Evolution 3.50.1"),
        ("MIME-Version", "1.0")]
    add("13-rfc2047-b-subject.eml", message(hdr, text.encode("utf-8")),
        "RFC 2047 B-encoded UTF-8 subject and Q-encoded display names (Ö, Å, ä as =C3=..); body raw 8bit UTF-8.",
        "b1f3a3c1e2d4f5a6b7c8d9e0f1a2b3c4d5e6f7a8.camel@example.com", "bjorn.akesson@example.com", "Björn Åkesson", subj,
        textContains=["sedan i måndags fungerar inte min internetanslutning", "Med vänliga hälsningar"])


def m14():
    raw_subj = ("=?ISO-8859-1?Q?Pr=FCfung_der_Unterlagen_?= =?iso-8859-1?q?f=FCr_Antrag_12=3DB=3F?= "
                "(Ticket #4471) =?UTF-8?Q?=E2=80=94_Frist=5F30.11.?=")
    subj = "Prüfung der Unterlagen für Antrag 12=B? (Ticket #4471) — Frist_30.11."
    text = ("Sehr geehrte Damen und Herren,\n\nbitte prüfen Sie die nachgereichten Unterlagen zu Antrag 12=B.\n"
            "Die Frist endet am 30.11.\n\nMit freundlichen Grüßen\nFrançois Müller\n")
    hdr = rcv("francois.mueller@example.com", "mail.example.com", "192.0.2.14", "4STj4e6Ss5z9t1a",
              "Tue, 14 Nov 2023 08:03:11 +0100 (CET)") + [
        ("Date", "Tue, 14 Nov 2023 08:03:09 +0100"),
        ("From", "=?iso-8859-1?q?Fran=E7ois_M=FCller?= <francois.mueller@example.com>"),
        ("To", "support@example.net"),
        ("Subject", raw_subj),
        ("Message-ID", "<20231114080309.6c2e1a44@frm-laptop.example.com>"),
        ("X-Mailer", "Claws Mail 4.1.1 (GTK 3.24.38; x86_64-pc-linux-gnu)"),
        ("MIME-Version", "1.0"),
        ("Content-Type", "text/plain; charset=ISO-8859-1"),
        ("Content-Transfer-Encoding", "quoted-printable")]
    add("14-rfc2047-q-multi.eml", message(hdr, qp(text.encode("latin-1"))),
        "Subject mixes three Q encoded-words (upper/lower-case 'Q' and charset names) with plain text: whitespace between adjacent encoded-words is dropped, whitespace next to plain text kept; '_' is space but =5F is a literal underscore; =3D/=3F are '=' and '?'.",
        "20231114080309.6c2e1a44@frm-laptop.example.com", "francois.mueller@example.com", "François Müller", subj,
        textContains=["bitte prüfen Sie die nachgereichten Unterlagen zu Antrag 12=B.", "François Müller"],
        textExcludes=["=3D", "=FC"])


def m15():
    subj = "Zgłoszenie reklamacyjne / Рекламация / 苦情処理"
    raw_subj = (ewq("Zgłoszenie reklamacyjne", "ISO-8859-2") + " / " + ewb("Рекламация", "KOI8-R") + " /\n " + ewb("苦情処理", "UTF-8"))
    text = ("Dzień dobry,\n\nprzesyłam reklamację w trzech językach, bo paczka szła przez trzy kraje.\n"
            "Здравствуйте, посылка повреждена.\nこんにちは、荷物が破損していました。\n\nZofia Wąsowicz\n")
    hdr = rcv("zofia.wasowicz@example.org", "poczta.example.org", "198.51.100.71", "4STj5f7Tt6z9t1k",
              "Tue, 14 Nov 2023 08:20:44 +0100 (CET)") + [
        ("Date", "Tue, 14 Nov 2023 08:20:41 +0100"),
        ("From", ewq("Zofia Wąsowicz", "ISO-8859-2") + " <zofia.wasowicz@example.org>"),
        ("To", "support@example.net"),
        ("Cc", ewb("Сергей Волков", "windows-1251") + " <s.volkov@example.org>, " + ewb("佐藤 花子", "ISO-2022-JP") + " <hanako.sato@example.org>"),
        ("Subject", raw_subj),
        ("Message-Id", "<20231114082041.A1B2.ZOFIA@poczta.example.org>"),
        ("MIME-Version", "1.0"),
        ("Content-Type", "text/plain; charset=UTF-8"),
        ("Content-Transfer-Encoding", "8bit"),
        ("X-Mailer", "Sylpheed 3.7.0 (GTK+ 2.24.33; x86_64-pc-linux-gnu)")]
    add("15-rfc2047-mixed-charsets.eml", message(hdr, text.encode("utf-8")),
        "One Subject with encoded-words in three charsets (ISO-8859-2 Q, KOI8-R B, UTF-8 B) joined by plain ' / ' text and a fold; From in ISO-8859-2, Cc in windows-1251 and ISO-2022-JP.",
        "20231114082041.A1B2.ZOFIA@poczta.example.org", "zofia.wasowicz@example.org", "Zofia Wąsowicz", subj,
        textContains=["przesyłam reklamację w trzech językach", "Здравствуйте, посылка повреждена.", "荷物が破損していました"])


def m16():
    subj = "Ihre Reklamation Nr. 2023-55817 – Austausch des defekten Kühlschranks „Eisbär 3000“ und Rückerstattung der Versandkosten"
    words = ewb_split(subj, "utf-8")
    assert len(words) >= 3
    text = ("Sehr geehrtes Service-Team,\n\nder Austauschkühlschrank wurde geliefert, die Versandkosten von 89,90 € "
            "wurden aber noch nicht erstattet.\n\nMit freundlichen Grüßen\nJürgen Müller\n")
    hdr = rcv("juergen.mueller@example.com", "mail.example.com", "192.0.2.16", "4STj6g8Uu7z9t1w",
              "Tue, 14 Nov 2023 08:41:03 +0100 (CET)") + [
        ("From", '"=?utf-8?Q?M=C3=BCller=2C_J=C3=BCrgen?=" <juergen.mueller@example.com>'),
        ("To", "support@example.net"),
        ("Subject", "\n ".join(words)),
        ("Date", "Tue, 14 Nov 2023 08:41:00 +0100"),
        ("Message-ID", "<2f1e0d9c8b7a6f5e4d3c2b1a09f8e7d6@mail.example.com>"),
        ("MIME-Version", "1.0"),
        ("Content-Type", "text/plain; charset=utf-8"),
        ("Content-Transfer-Encoding", "quoted-printable")]
    add("16-rfc2047-folded-split.eml", message(hdr, qp(text.encode("utf-8"))),
        "Long UTF-8 subject split into %d B encoded-words on folded continuation lines (fold whitespace between encoded-words must vanish); display name is an encoded-word inside a quoted-string (not RFC-conformant but common; lenient decoding expected)." % len(words),
        "2f1e0d9c8b7a6f5e4d3c2b1a09f8e7d6@mail.example.com", "juergen.mueller@example.com", "Müller, Jürgen", subj,
        textContains=["die Versandkosten von 89,90 €", "Jürgen Müller"])


def m17():
    b = "------------0XkR8b3Zc1Vn5Mq7Ws2Ty4Pa"
    fa = "Kostenvoranschlag Müller – Oktober.pdf"
    fb = "注文書のスクリーンショット.png"
    fc = "Prüfbericht_Q4-2023.pdf"
    da = pdf(["Kostenvoranschlag", "Oktober 2023"], seed="17a")
    db = png(32, 24, "17b")
    dc = pdf(["Pruefbericht Q4-2023"], seed="17c")
    enc_b = pct(fb.encode("utf-8"))
    toks = re.findall(r"%[0-9A-F]{2}|[^%]", enc_b)
    # split the percent-encoded name in three, deliberately in the middle of a UTF-8 sequence
    s1, s2 = 13, 29
    assert toks[s1 - 1] == "%E3" and toks[s2 - 1].startswith("%")
    c0, c1, c2 = "".join(toks[:s1]), "".join(toks[s1:s2]), "".join(toks[s2:])

    def cont(p):
        return "%s*0*=UTF-8''%s;\n %s*1*=%s;\n %s*2*=%s" % (p, c0, p, c1, p, c2)
    body = mp(b, [
        part([("Content-Type", "text/plain; charset=UTF-8; format=flowed"), ("Content-Transfer-Encoding", "8bit")],
             "Hallo,\n\nanbei der Kostenvoranschlag, ein Screenshot der Bestellung und der Prüfbericht.\n\nViele Grüße\nHanna\n".encode("utf-8")),
        part([("Content-Type", 'application/pdf;\n name="%s"' % ewq(fa, "UTF-8")),
              ("Content-Disposition", "attachment;\n filename*=UTF-8''%s" % pct(fa.encode("utf-8"))),
              ("Content-Transfer-Encoding", "base64")], b64(da)),
        part([("Content-Type", "image/png;\n " + cont("name")),
              ("Content-Disposition", "attachment;\n " + cont("filename")),
              ("Content-Transfer-Encoding", "base64")], b64(db)),
        part([("Content-Type", "application/pdf"),
              ("Content-Disposition", "attachment;\n filename*0*=iso-8859-1'de'Pr%FCfbericht_;\n filename*1=\"Q4-2023.pdf\""),
              ("Content-Transfer-Encoding", "base64")], b64(dc)),
    ], preamble="This is a multi-part message in MIME format.")
    hdr = rcv("hanna.schuster@example.com", "mail.example.com", "192.0.2.17", "4STj7h9Vv8z9t26",
              "Tue, 14 Nov 2023 09:02:40 +0100 (CET)") + [
        ("Content-Type", 'multipart/mixed; boundary="%s"' % b),
        ("Message-ID", "<7e6d5c4b-3a29-4180-9f8e-7d6c5b4a3928@example.com>"),
        ("Date", "Tue, 14 Nov 2023 09:02:38 +0100"),
        ("MIME-Version", "1.0"),
        ("User-Agent", "Mozilla Thunderbird"),
        ("Content-Language", "de-DE"),
        ("To", "support@example.net"),
        ("From", "Hanna Schuster <hanna.schuster@example.com>"),
        ("Subject", "Unterlagen zur Bestellung 7311")]
    add("17-rfc2231-filename.eml", message(hdr, body),
        "RFC 2231 file names: filename*=UTF-8''… (with RFC 2047 name= as Thunderbird also writes), a 3-part continuation filename*0*/1*/2* split in the middle of a UTF-8 sequence (concatenate bytes, then decode), and a mixed encoded/plain continuation with a language tag (iso-8859-1'de').",
        "7e6d5c4b-3a29-4180-9f8e-7d6c5b4a3928@example.com", "hanna.schuster@example.com", "Hanna Schuster",
        "Unterlagen zur Bestellung 7311",
        textContains=["anbei der Kostenvoranschlag, ein Screenshot der Bestellung und der Prüfbericht."],
        attachments=[A(fa, "application/pdf", len(da)), A(fb, "image/png", len(db)), A(fc, "application/pdf", len(dc))])


def m18():
    mix, alt = "000000000000f3a9b1060a20a1b2", "000000000000f3a9ae060a20a1b0"
    fa, fb = "Übersicht_Rücksendungen.xlsx", "Kundenbrief für Frédéric.docx"
    da = b"PK\x03\x04\x14\x00\x06\x00\x08\x00" + prng("18a", 8100)
    dbb = b"PK\x03\x04\x14\x00\x06\x00\x08\x00" + prng("18b", 5400)
    text = "Hallo Support-Team,\n\nim Anhang die Übersicht der Rücksendungen und der Entwurf des Kundenbriefs.\n\nLG\nTimo\n"
    html = ('<div dir="ltr">Hallo Support-Team,<div><br></div><div>im Anhang die Übersicht der Rücksendungen und der '
            'Entwurf des Kundenbriefs.</div><div><br></div><div>LG</div><div>Timo</div></div>\n')
    altbody = mp(alt, [
        part([("Content-Type", 'text/plain; charset="UTF-8"'), ("Content-Transfer-Encoding", "quoted-printable")], qp(text.encode())),
        part([("Content-Type", 'text/html; charset="UTF-8"'), ("Content-Transfer-Encoding", "quoted-printable")], qp(html.encode())),
    ])
    ewa = ewb(fa, "UTF-8")
    ewf = "=?iso-8859-1?Q?Kundenbrief_f=FCr_Fr=E9d=E9ric.docx?="
    body = mp(mix, [
        part([("Content-Type", 'multipart/alternative; boundary="%s"' % alt)], altbody),
        part([("Content-Type", 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet; \n\tname="%s"' % ewa),
              ("Content-Disposition", 'attachment; \n\tfilename="%s"' % ewa),
              ("Content-Transfer-Encoding", "base64"), ("Content-ID", "<f_lp0k2x3y0>"), ("X-Attachment-Id", "f_lp0k2x3y0")], b64(da)),
        part([("Content-Type", 'application/vnd.openxmlformats-officedocument.wordprocessingml.document; \n\tname="%s"' % ewf),
              ("Content-Disposition", 'attachment; \n\tfilename="%s"' % ewf),
              ("Content-Transfer-Encoding", "base64"), ("Content-ID", "<f_lp0k2x4z1>"), ("X-Attachment-Id", "f_lp0k2x4z1")], b64(dbb)),
    ])
    hdr = rcv("timo.lange@example.com", "mail-sor-f69.example.com", "192.0.2.69", "4STj8j0Ww9z9t2g",
              "Tue, 14 Nov 2023 09:15:12 +0100 (CET)") + [
        ("MIME-Version", "1.0"),
        ("From", "Timo Lange <timo.lange@example.com>"),
        ("Date", "Tue, 14 Nov 2023 09:15:09 +0100"),
        ("Message-ID", "<CAK9wQz4h3Nn2Pp8Rr7Ss6Tt5Uu4Vv3Ww2Xx1Yy0Zz9Aa8Bb7C@mail.example.com>"),
        ("Subject", ewq("Rücksendungen Oktober", "UTF-8")),
        ("To", "support@example.net"),
        ("Content-Type", 'multipart/mixed; boundary="%s"' % mix)]
    add("18-rfc2047-filename.eml", message(hdr, body),
        "Gmail-style RFC 2047 encoded-words inside quoted filename=/name= parameters (B in UTF-8, Q in ISO-8859-1) - not RFC-conformant but ubiquitous; attachments also carry Content-ID although they are not inline (contentId is still reported).",
        "CAK9wQz4h3Nn2Pp8Rr7Ss6Tt5Uu4Vv3Ww2Xx1Yy0Zz9Aa8Bb7C@mail.example.com", "timo.lange@example.com", "Timo Lange",
        "Rücksendungen Oktober",
        textContains=["im Anhang die Übersicht der Rücksendungen"],
        htmlContains=['<div dir="ltr">Hallo Support-Team,'], hasHtml=True,
        attachments=[A(fa, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", len(da), False, "f_lp0k2x3y0"),
                     A(fb, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", len(dbb), False, "f_lp0k2x4z1")])


# --------------------------------------------------------------------------------------------
# 19-32 charsets
# --------------------------------------------------------------------------------------------

def m19():
    text = ("Bonjour,\n\nJ'ai reçu deux factures pour la même commande (n° 7781). Le montant débité est de 238,50 EUR "
            "au lieu de 119,25 EUR.\nPouvez-vous corriger l'erreur ? Merci d'avance.\n\nCordialement,\nHélène Moreau\n")
    hdr = rcv("helene.moreau@example.org", "smtp.example.org", "198.51.100.19", "4STj9k1Xx0z9t2r",
              "Tue, 14 Nov 2023 09:30:05 +0100 (CET)") + [
        ("Message-ID", "<001a01da16f4$1c2d3e40$0a00a8c0@PCHELENE>"),
        ("From", "=?iso-8859-1?Q?H=E9l=E8ne_Moreau?= <helene.moreau@example.org>"),
        ("To", "<support@example.net>"),
        ("Subject", "=?iso-8859-1?Q?Probl=E8me_de_facturation_n=B0_7781?="),
        ("Date", "Tue, 14 Nov 2023 09:30:01 +0100"),
        ("MIME-Version", "1.0"),
        ("Content-Type", 'text/plain;\n\tcharset="iso-8859-1"'),
        ("Content-Transfer-Encoding", "quoted-printable"),
        ("X-Priority", "3"),
        ("X-MSMail-Priority", "Normal"),
        ("X-Mailer", "Microsoft Outlook Express 6.00.2900.5931"),
        ("X-MimeOLE", "Produced By Microsoft MimeOLE V6.00.2900.6157")]
    add("19-charset-iso-8859-1.eml", message(hdr, qp(text.encode("iso-8859-1"))),
        "Outlook Express ISO-8859-1 quoted-printable body and Q-encoded subject/name (è, °, ç).",
        "001a01da16f4$1c2d3e40$0a00a8c0@PCHELENE", "helene.moreau@example.org", "Hélène Moreau", "Problème de facturation n° 7781",
        textContains=["J'ai reçu deux factures pour la même commande (n° 7781).", "Hélène Moreau"],
        textExcludes=["=E7", "\ufffd"])


def m20():
    text = ("Dzień dobry,\n\nzamówienie nr 3390 dotarło uszkodzone. Proszę o wymianę lub zwrot pieniędzy.\n"
            "Adres: Łódź, ul. Piotrkowska 104\n\nDěkuji za rychlou odpověď (piszę też po czesku, bo biuro jest w Brnie).\n\n"
            "Pozdrawiam\nGrzegorz Żółkiewski\n")
    subj = "Uszkodzona przesyłka, zamówienie 3390"
    hdr = rcv("g.zolkiewski@example.org", "poczta.example.org", "198.51.100.20", "4STjBm2Yy1z9t30",
              "Tue, 14 Nov 2023 09:41:58 +0100 (CET)") + [
        ("Date", "Tue, 14 Nov 2023 09:41:55 +0100"),
        ("From", ewq("Grzegorz Żółkiewski", "ISO-8859-2") + " <g.zolkiewski@example.org>"),
        ("To", "support@example.net"),
        ("Subject", ewq(subj, "ISO-8859-2")),
        ("Message-ID", "<op.2f1ebx0kq3z9t1@gzpc.example.org>"),
        ("MIME-Version", "1.0"),
        ("Content-Type", "text/plain; charset=iso-8859-2; format=flowed; delsp=yes"),
        ("Content-Transfer-Encoding", "8bit"),
        ("User-Agent", "Opera Mail/1.0 (Win32)")]
    add("20-charset-iso-8859-2.eml", message(hdr, text.encode("iso-8859-2")),
        "Raw 8bit ISO-8859-2 (Polish and Czech: ł, ż, ś, ě, ď) body and Q-encoded ISO-8859-2 subject/name; format=flowed; delsp=yes declared.",
        "op.2f1ebx0kq3z9t1@gzpc.example.org", "g.zolkiewski@example.org", "Grzegorz Żółkiewski", subj,
        textContains=["zamówienie nr 3390 dotarło uszkodzone", "Łódź, ul. Piotrkowska 104", "Děkuji za rychlou odpověď", "Grzegorz Żółkiewski"],
        textExcludes=["\ufffd"])


def m21():
    text = ("Bonjour,\n\nLe prix affiché était de 49 € mais j'ai été débité de 59 €. Merci de me rembourser les 10 € de différence.\n"
            "J'ai le cœur serré, c'était un cadeau pour ma sœur.\n\nBien à vous,\nÉtienne Lefèvre\n")
    subj = "Remboursement de 10 €"
    hdr = rcv("etienne.lefevre@example.net", "mail.example.net", "203.0.113.21", "4STjCn3Zz2z9t39",
              "Tue, 14 Nov 2023 09:50:40 +0100 (CET)") + [
        ("To", "support@example.net"),
        ("From", ewq("Étienne Lefèvre", "ISO-8859-15") + " <etienne.lefevre@example.net>"),
        ("Subject", ewq(subj, "ISO-8859-15")),
        ("Message-ID", "<5a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9@example.net>"),
        ("Date", "Tue, 14 Nov 2023 09:50:37 +0100"),
        ("User-Agent", "Mozilla/5.0 (X11; Linux x86_64; rv:52.0) Gecko/20100101 Thunderbird/52.9.1"),
        ("MIME-Version", "1.0"),
        ("Content-Type", "text/plain; charset=iso-8859-15; format=flowed"),
        ("Content-Transfer-Encoding", "quoted-printable"),
        ("Content-Language", "fr")]
    add("21-charset-iso-8859-15.eml", message(hdr, qp(text.encode("iso-8859-15"))),
        "ISO-8859-15: =A4 is '€' and =BD is 'œ' (decoding as ISO-8859-1 would give '¤' and '½'), in subject and QP body.",
        "5a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9@example.net", "etienne.lefevre@example.net", "Étienne Lefèvre", subj,
        textContains=["Le prix affiché était de 49 €", "les 10 € de différence", "J'ai le cœur serré", "ma sœur"],
        textExcludes=["¤", "½"])


def m22():
    alt = "_000_AS8PR02MB91341F0E2D3C4B5A69788796A5B4C3D2AS8PR02MB9134eurp_"
    subj = "Kündigung zum 31.12. – Vertrag „Premium“"
    text = ("Sehr geehrte Damen und Herren,\n\n"
            "hiermit kündige ich meinen Vertrag „Premium“ (Kundennummer 55-1902) fristgerecht zum 31.12.2023 – bitte bestätigen Sie mir den Eingang.\n"
            "Die letzte Abbuchung über 19,99 € war bereits doppelt… das sollte korrigiert werden.\n"
            "It’s “urgent”.\n\nMit freundlichen Grüßen\nKlaus Brenner\n\n")
    html = ('<html xmlns:o="urn:schemas-microsoft-com:office:office">\n<head>\n<meta http-equiv="Content-Type" content="text/html; charset=Windows-1252">\n</head>\n'
            '<body lang="DE">\n<div class="WordSection1">\n<p class="MsoNormal">Sehr geehrte Damen und Herren,<o:p></o:p></p>\n'
            '<p class="MsoNormal">hiermit kündige ich meinen Vertrag „Premium“ (Kundennummer 55-1902) fristgerecht zum 31.12.2023 – bitte bestätigen Sie mir den Eingang.<o:p></o:p></p>\n'
            '<p class="MsoNormal">Die letzte Abbuchung über 19,99&nbsp;€ war bereits doppelt… das sollte korrigiert werden.<o:p></o:p></p>\n'
            '<p class="MsoNormal">It’s “urgent”.<o:p></o:p></p>\n<p class="MsoNormal">Mit freundlichen Grüßen<br>Klaus Brenner<o:p></o:p></p>\n</div>\n</body>\n</html>\n')
    body = mp(alt, [
        part([("Content-Type", 'text/plain; charset="Windows-1252"'), ("Content-Transfer-Encoding", "quoted-printable")], qp(text.encode("cp1252"))),
        part([("Content-Type", 'text/html; charset="Windows-1252"'), ("Content-Transfer-Encoding", "quoted-printable")], qp(html.encode("cp1252"))),
    ])
    hdr = [("Received", "from AS8PR02MB9134.eurprd02.prod.example.com ([fe80::1c2d:3e4f:5a6b:7c8d]) by\n AS8PR02MB9134.eurprd02.prod.example.com ([fe80::1c2d:3e4f:5a6b:7c8d%6]) with mapi id\n 15.20.7002.015; Tue, 14 Nov 2023 09:58:12 +0000"),
           ("From", '"Brenner, Klaus" <klaus.brenner@example.com>'),
           ("To", "Support <support@example.net>"),
           ("Subject", ewq(subj, "Windows-1252", "cp1252")),
           ("Thread-Topic", ewq(subj, "Windows-1252", "cp1252")),
           ("Thread-Index", "AdoW9Q3xJk2LmNoPqRsTuVwXyZ0aBc=="),
           ("Date", "Tue, 14 Nov 2023 09:58:12 +0000"),
           ("Message-ID", "<AS8PR02MB91341F0E2D3C4B5A69788796A5B4C3D2@AS8PR02MB9134.eurprd02.prod.example.com>"),
           ("Accept-Language", "de-DE, en-US"),
           ("Content-Language", "de-DE"),
           ("X-MS-Has-Attach", ""),
           ("X-MS-TNEF-Correlator", ""),
           ("Content-Type", 'multipart/alternative;\n\tboundary="%s"' % alt),
           ("MIME-Version", "1.0")]
    add("22-charset-windows-1252.eml", message(hdr, body),
        "Outlook windows-1252: bytes 0x80-0x9F are €, „ “ ” ’ – … (not C1 controls as in ISO-8859-1), in the Q-encoded subject and both QP parts.",
        "AS8PR02MB91341F0E2D3C4B5A69788796A5B4C3D2@AS8PR02MB9134.eurprd02.prod.example.com",
        "klaus.brenner@example.com", "Brenner, Klaus", subj,
        textContains=["Vertrag „Premium“ (Kundennummer 55-1902)", "zum 31.12.2023 – bitte", "19,99 € war bereits doppelt…", "It’s “urgent”."],
        textExcludes=["\u0080", "\u0084", "\u0093"],
        htmlContains=["Vertrag „Premium“", "19,99&nbsp;€"], hasHtml=True, threadIndex=True)


def m23():
    subj = "Вопрос по счёту № 1189"
    text = ("Здравствуйте!\n\nПрошу разъяснить начисление по счёту № 1189 за октябрь.\n"
            "Сумма 12 450 руб. не совпадает с договором.\n\n-- \nС уважением,\n Иван Петров                          mailto:ivan.petrov@example.org\n")
    hdr = rcv("ivan.petrov@example.org", "mail.example.org", "198.51.100.23", "4STjDp4Aa3z9t3j",
              "Tue, 14 Nov 2023 11:05:47 +0100 (CET)") + [
        ("Date", "Tue, 14 Nov 2023 13:05:44 +0300"),
        ("From", ewb("Иван Петров", "windows-1251") + " <ivan.petrov@example.org>"),
        ("X-Mailer", "The Bat! (v9.5.3) Professional"),
        ("Reply-To", ewb("Иван Петров", "windows-1251") + " <ivan.petrov@example.org>"),
        ("X-Priority", "3 (Normal)"),
        ("Message-ID", "<1417829340.20231114130544@example.org>"),
        ("To", "support@example.net"),
        ("Subject", ewb(subj, "windows-1251")),
        ("MIME-Version", "1.0"),
        ("Content-Type", "text/plain; charset=windows-1251"),
        ("Content-Transfer-Encoding", "8bit")]
    add("23-charset-windows-1251.eml", message(hdr, text.encode("cp1251")),
        "The Bat! Russian mail: raw 8bit windows-1251 body and B-encoded windows-1251 subject/name (ё, №).",
        "1417829340.20231114130544@example.org", "ivan.petrov@example.org", "Иван Петров", subj,
        textContains=["Прошу разъяснить начисление по счёту № 1189 за октябрь.", "12 450 руб.", "Иван Петров"],
        textExcludes=["\ufffd"])


def m24():
    subj = "Не работает доставка SMS-кодов"
    text = ("Добрый день!\n\nУже второй день не приходят SMS-коды для входа в личный кабинет.\n"
            "Номер телефона: +7 900 555-01-23. Ещё вчера всё работало.\n\n-- \nОльга\n")
    hdr = rcv("olga.smirnova@example.net", "host.example.net", "203.0.113.24", "4STjEq5Bb4z9t3t",
              "Tue, 14 Nov 2023 11:40:05 +0100 (CET)") + [
        ("Date", "Tue, 14 Nov 2023 13:40:02 +0300"),
        ("From", ewb("Ольга Смирнова", "koi8-r") + " <olga.smirnova@example.net>"),
        ("To", "support@example.net"),
        ("Subject", ewq(subj, "koi8-r")),
        ("Message-ID", "<20231114104002.GA12345@host.example.net>"),
        ("MIME-Version", "1.0"),
        ("Content-Type", "text/plain; charset=koi8-r"),
        ("Content-Disposition", "inline"),
        ("Content-Transfer-Encoding", "8bit"),
        ("User-Agent", "Mutt/2.2.12 (2023-09-09)")]
    add("24-charset-koi8-r.eml", message(hdr, text.encode("koi8-r")),
        "Mutt KOI8-R: raw 8bit body (byte layout unlike windows-1251; mis-decoding gives plausible-looking garbage), Q-encoded KOI8-R subject; body has Content-Disposition: inline but is still the body, not an attachment.",
        "20231114104002.GA12345@host.example.net", "olga.smirnova@example.net", "Ольга Смирнова", subj,
        textContains=["Уже второй день не приходят SMS-коды", "Ещё вчера всё работало."],
        textExcludes=["\ufffd"])


def m25():
    subj = "お問い合わせ：注文番号 JP-2207 の配送状況について"
    text = ("サポートご担当者様\n\nいつもお世話になっております。山田です。\n注文番号 JP-2207 の商品がまだ届いておりません。\n"
            "配送状況を確認していただけますでしょうか。\n\nよろしくお願いいたします。\n\n山田 太郎\n")
    hdr = rcv("taro.yamada@example.com", "smtp.example.com", "192.0.2.25", "4STjFr6Cc5z9t43",
              "Tue, 14 Nov 2023 13:10:36 +0100 (CET)") + [
        ("Date", "Tue, 14 Nov 2023 21:10:33 +0900"),
        ("From", ewb("山田 太郎", "ISO-2022-JP") + " <taro.yamada@example.com>"),
        ("To", "support@example.net"),
        ("Subject", "\n ".join(ewb_split(subj, "ISO-2022-JP"))),
        ("Message-Id", "<20231114211033.8C4F.A1B2C3D4@example.com>"),
        ("MIME-Version", "1.0"),
        ("Content-Type", 'text/plain; charset="ISO-2022-JP"'),
        ("Content-Transfer-Encoding", "7bit"),
        ("X-Mailer", "Becky! ver. 2.81.04 [ja]")]
    add("25-charset-iso-2022-jp.eml", message(hdr, text.encode("iso2022_jp")),
        "Becky! Japanese: ISO-2022-JP (7bit with ESC $ B / ESC ( B shifts) body; subject split into several B encoded-words each with its own shift sequences.",
        "20231114211033.8C4F.A1B2C3D4@example.com", "taro.yamada@example.com", "山田 太郎", subj,
        textContains=["いつもお世話になっております。山田です。", "注文番号 JP-2207 の商品がまだ届いておりません。", "配送状況を確認していただけますでしょうか。"],
        textExcludes=["\x1b", "$B"])


def m26():
    subj = "返品と交換の手続きについて"
    text = ("お世話になります。\n先日購入した商品について、以下の２点を確認させてください。\n"
            "①返品の送料はどちらの負担になりますか？\n②交換の場合、届くまで何日かかりますか？\n\n鈴木\nｽﾏｰﾄﾌｫﾝから送信\n")
    try:
        text.encode("shift_jis")
        raise AssertionError("m26 should need Windows-31J")
    except UnicodeEncodeError:
        pass
    hdr = rcv("hanako.suzuki@example.com", "mobile.example.com", "192.0.2.26", "4STjGs7Dd6z9t4c",
              "Tue, 14 Nov 2023 14:05:13 +0100 (CET)") + [
        ("Date", "Tue, 14 Nov 2023 22:05:10 +0900 (JST)"),
        ("From", ewb("鈴木 花子", "Shift_JIS") + " <hanako.suzuki@example.com>"),
        ("To", "support@example.net"),
        ("Subject", ewb(subj, "Shift_JIS")),
        ("Message-ID", "<20231114220510.12345.ABCD@mobile.example.com>"),
        ("MIME-Version", "1.0"),
        ("Content-Type", "text/plain; charset=Shift_JIS"),
        ("Content-Transfer-Encoding", "8bit"),
        ("X-Mailer", "Mobile Mail 4.2 (J)")]
    add("26-charset-shift-jis.eml", message(hdr, text.encode("cp932")),
        "Japanese mobile mail labelled Shift_JIS but containing Windows-31J (CP932) NEC circled digits ①② plus half-width katakana; a lenient decoder maps the Shift_JIS label to Windows-31J (as the WHATWG encoding standard does) - strict Shift_JIS gives replacement characters.",
        "20231114220510.12345.ABCD@mobile.example.com", "hanako.suzuki@example.com", "鈴木 花子", subj,
        textContains=["先日購入した商品について、以下の２点を確認させてください。", "①返品の送料はどちらの負担になりますか？", "②交換の場合", "ｽﾏｰﾄﾌｫﾝから送信"],
        textExcludes=["\ufffd"])


def m27():
    subj = "关于订单 CN-8841 的退款申请"
    text = ("您好：\n\n我在11月10日购买的蓝牙耳机（订单号 CN-8841）有质量问题，左耳没有声音。\n请尽快办理退款。\n\n"
            "镕锋科技有限公司\n王小明\n")
    try:
        text.encode("gb2312")
        raise AssertionError("m27 should need GBK")
    except UnicodeEncodeError:
        pass
    hdr = rcv("wang.xiaoming@example.com", "smtp.example.com", "192.0.2.27", "4STjHt8Ee7z9t4m",
              "Tue, 14 Nov 2023 13:31:49 +0100 (CET)") + [
        ("Date", "Tue, 14 Nov 2023 20:31:45 +0800"),
        ("From", '"%s" <wang.xiaoming@example.com>' % ewb("王小明", "gb2312")),
        ("To", '"support" <support@example.net>'),
        ("Subject", ewb(subj, "gb2312")),
        ("X-Priority", "3"),
        ("X-GUID", "6F1A2B3C-4D5E-4F60-8172-93A4B5C6D7E8"),
        ("X-Has-Attach", "no"),
        ("X-Mailer", "Foxmail 7.2.25.228[cn]"),
        ("Mime-Version", "1.0"),
        ("Message-ID", "<202311142031450361247@example.com>"),
        ("Content-Type", 'text/plain;\n\tcharset="gb2312"'),
        ("Content-Transfer-Encoding", "base64")]
    add("27-charset-gb2312.eml", message(hdr, b64(text.encode("gbk"))),
        "Foxmail Chinese: base64 body labelled gb2312 but containing a GBK-only character (镕), so a lenient decoder must treat gb2312 as GBK (WHATWG does); display name is an encoded-word inside a quoted-string.",
        "202311142031450361247@example.com", "wang.xiaoming@example.com", "王小明", subj,
        textContains=["我在11月10日购买的蓝牙耳机（订单号 CN-8841）有质量问题", "请尽快办理退款。", "镕锋科技有限公司"],
        textExcludes=["\ufffd"])


def m28():
    subj = "發票問題：訂單 TW-3306"
    text = ("您好：\n\n訂單 TW-3306 的發票抬頭寫錯了，應該是「許氏貿易股份有限公司」，統一編號 12345678。\n"
            "麻煩重新開立發票，謝謝。\n\n許美玲\n")
    raw = text.encode("big5")
    assert b"\\" in raw  # 許 = B3 5C: second byte is a backslash
    hdr = rcv("meiling.hsu@example.com", "mail.example.com", "192.0.2.28", "4STjJv9Ff8z9t4w",
              "Tue, 14 Nov 2023 08:12:30 +0100 (CET)") + [
        ("From", ewb("許美玲", "big5") + " <meiling.hsu@example.com>"),
        ("To", "support@example.net"),
        ("Subject", ewb(subj, "big5")),
        ("Date", "Tue, 14 Nov 2023 15:12:27 +0800"),
        ("Message-ID", "<TYZPR03MB6123A1B2C3D4E5F60718293A4B5C6D7E@TYZPR03MB6123.apcprd03.prod.example.com>"),
        ("Accept-Language", "zh-TW, en-US"),
        ("Content-Language", "zh-TW"),
        ("Content-Type", 'text/plain; charset="big5"'),
        ("Content-Transfer-Encoding", "quoted-printable"),
        ("MIME-Version", "1.0")]
    add("28-charset-big5.eml", message(hdr, qp(raw)),
        "Traditional Chinese Big5 in QP body and B-encoded subject/name; 許 has 0x5C ('\\') as its second byte, which naive escaping or tokenizing breaks.",
        "TYZPR03MB6123A1B2C3D4E5F60718293A4B5C6D7E@TYZPR03MB6123.apcprd03.prod.example.com",
        "meiling.hsu@example.com", "許美玲", subj,
        textContains=["應該是「許氏貿易股份有限公司」", "麻煩重新開立發票，謝謝。", "許美玲"],
        textExcludes=["\ufffd"])


def m29():
    text = ("Neue Anfrage über das Kontaktformular\n\nName: Åsa Lindqvist\nE-Mail: asa.lindqvist@example.org\n"
            "Nachricht: Können Sie mir ein Angebot für 3 Lizenzen schicken? Gerne auch per Telefon: +46 8 555 012 34.\n")
    hdr = rcv("www-data@cms.example.org", "cms.example.org", "198.51.100.29", "4STjKw0Gg9z9t56",
              "Tue, 14 Nov 2023 10:20:31 +0100 (CET)") + [
        ("To", "support@example.net"),
        ("Subject", "Neue Anfrage: Angebot Lizenzen"),
        ("From", "Kontakt <kontakt@example.org>"),
        ("Reply-To", "asa.lindqvist@example.org"),
        ("X-Mailer", "PHP/8.1.2-1ubuntu2.14"),
        ("MIME-Version", "1.0"),
        ("Content-Type", "text/plain"),
        ("Content-Transfer-Encoding", "8bit"),
        ("Message-Id", "<20231114092030.5F1A23E0C1@cms.example.org>"),
        ("Date", "Tue, 14 Nov 2023 10:20:30 +0100 (CET)")]
    add("29-utf8-no-charset.eml", message(hdr, text.encode("utf-8")),
        "text/plain without a charset parameter (MIME default us-ascii) but raw 8bit UTF-8 bytes; a lenient parser detects valid UTF-8 instead of producing replacement characters.",
        "20231114092030.5F1A23E0C1@cms.example.org", "kontakt@example.org", "Kontakt", "Neue Anfrage: Angebot Lizenzen",
        textContains=["Neue Anfrage über das Kontaktformular", "Name: Åsa Lindqvist", "Können Sie mir ein Angebot für 3 Lizenzen schicken?"],
        textExcludes=["\ufffd", "Ã"])


def m30():
    text = "Hallo,\n\nGrüße aus Zürich – die Bestellung 8812 ist vollständig angekommen. Danke für die schnelle Lieferung!\n\nBeat Känzig\n"
    hdr = rcv("beat.kaenzig@example.com", "relay.example.com", "192.0.2.30", "4STjLx1Hh0z9t5g",
              "Tue, 14 Nov 2023 10:31:14 +0100 (CET)") + [
        ("From", "Beat Kaenzig <beat.kaenzig@example.com>"),
        ("To", "support@example.net"),
        ("Subject", "Bestellung 8812 angekommen"),
        ("Date", "Tue, 14 Nov 2023 10:31:12 +0100"),
        ("Message-ID", "<0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a@relay.example.com>"),
        ("MIME-Version", "1.0"),
        ("Content-Type", 'text/plain; charset="x-unknown"'),
        ("Content-Transfer-Encoding", "8bit"),
        ("X-Mailer", "GroupMail Gateway 3.2")]
    add("30-charset-x-unknown.eml", message(hdr, text.encode("utf-8")),
        "Unknown charset label charset=\"x-unknown\" on UTF-8 bytes: the parser must not throw (UnsupportedEncodingException) but fall back (valid UTF-8 -> UTF-8).",
        "0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a@relay.example.com", "beat.kaenzig@example.com", "Beat Kaenzig", "Bestellung 8812 angekommen",
        textContains=["Grüße aus Zürich – die Bestellung 8812 ist vollständig angekommen.", "Beat Känzig"],
        textExcludes=["\ufffd"])


def m31():
    subj = "Prośba o fakturę VAT do zamówienia 4420"
    text = "Dzień dobry,\n\nproszę o wystawienie faktury VAT na firmę. NIP: 525-000-00-00.\n\nRenée Dubé-Kowalska\n"
    hdr = rcv("renee.dube@example.org", "mail.example.org", "198.51.100.31", "4STjMy2Jj1z9t5q",
              "Tue, 14 Nov 2023 10:44:03 +0100 (CET)") + [
        ("From", ewq("Renée Dubé", "latin1") + " <renee.dube@example.org>"),
        ("To", "support@example.net"),
        ("Subject", ewq(subj, "utf8")),
        ("Date", "Tue, 14 Nov 2023 10:44:01 +0100"),
        ("Message-ID", "<20231114104401.GA4420@mail.example.org>"),
        ("MIME-Version", "1.0"),
        ("Content-Type", "text/plain; charset=utf8"),
        ("Content-Transfer-Encoding", "quoted-printable")]
    add("31-charset-utf8-alias.eml", message(hdr, qp(text.encode("utf-8"))),
        "Non-canonical charset aliases: charset=utf8 on the body, =?utf8?Q?..?= subject, =?latin1?Q?..?= display name; all must map to UTF-8 / ISO-8859-1.",
        "20231114104401.GA4420@mail.example.org", "renee.dube@example.org", "Renée Dubé", subj,
        textContains=["proszę o wystawienie faktury VAT na firmę.", "Renée Dubé-Kowalska"],
        textExcludes=["\ufffd"])


def m32():
    text = ("Guten Tag,\n\nich möchte meine Adresse ändern: neue Anschrift ist Hauptstraße 5, 80331 München.\n\n"
            "Grüße\nUlrike Schäfer\n")
    hdr = rcv("crm@example.com", "crm.example.com", "192.0.2.32", "4STjNz3Kk2z9t60",
              "Tue, 14 Nov 2023 10:52:19 +0100 (CET)") + [
        ("Date", "Tue, 14 Nov 2023 10:52:18 +0100"),
        ("From", "Ulrike Schaefer <ulrike.schaefer@example.com>"),
        ("Sender", "crm@example.com"),
        ("To", "support@example.net"),
        ("Subject", "Adressaenderung Kundennummer 31-0042"),
        ("Message-ID", "<crm.31-0042.1699955538@crm.example.com>"),
        ("MIME-Version", "1.0"),
        ("Content-Type", "text/plain; charset=UTF-8"),
        ("Content-Transfer-Encoding", "8bit"),
        ("X-Mailer", "PHP/5.6.40")]
    add("32-wrong-charset-latin1-as-utf8.eml", message(hdr, text.encode("latin-1")),
        "Declared charset=UTF-8 but the bytes are ISO-8859-1 (invalid UTF-8): a lenient parser detects the malformed UTF-8 and falls back to windows-1252 instead of emitting U+FFFD.",
        "crm.31-0042.1699955538@crm.example.com", "ulrike.schaefer@example.com", "Ulrike Schaefer", "Adressaenderung Kundennummer 31-0042",
        textContains=["ich möchte meine Adresse ändern", "Hauptstraße 5, 80331 München", "Ulrike Schäfer"],
        textExcludes=["\ufffd"])


# --------------------------------------------------------------------------------------------
# 33-35 forwards
# --------------------------------------------------------------------------------------------

def m33():
    mix = "_002_AM6PR04MB5123D4C3B2A1F0E9D8C7B6A5F4E3D2C1AM6PR04MB5123eurp_"
    alt = "_000_AM6PR04MB5123D4C3B2A1F0E9D8C7B6A5F4E3D2C1AM6PR04MB5123eurp_"
    inner_text = ("Sehr geehrte Frau Weber,\n\ndie Lieferung zu Auftrag 99120 kam mit zwei zerbrochenen Glasplatten an.\n"
                  "Bitte rufen Sie mich unter 0151 5550 1234 zurück.\n\nKlaus Hartmann\n")
    inner = message([
        ("Received", "from mail.example.org (198.51.100.33) by AM6PR04MB5123.eurprd04.prod.example.com\n (2603:10a6:20b:fe::21) with Microsoft SMTP Server; Mon, 13 Nov 2023 16:22:12 +0000"),
        ("From", "Klaus Hartmann <klaus.hartmann@example.org>"),
        ("To", '"Weber, Maria" <maria.weber@example.com>'),
        ("Subject", "Defekte Lieferung Auftrag 99120"),
        ("Thread-Topic", "Defekte Lieferung Auftrag 99120"),
        ("Date", "Mon, 13 Nov 2023 16:22:10 +0000"),
        ("Message-ID", "<4b3a2c1d-9e8f-4a7b-8c6d-5e4f3a2b1c0d@example.org>"),
        ("Content-Language", "de-DE"),
        ("Content-Type", 'text/plain; charset="utf-8"'),
        ("Content-Transfer-Encoding", "quoted-printable"),
        ("MIME-Version", "1.0")], qp(inner_text.encode("utf-8")))
    text = ("Hi team,\n\nplease take care of the customer mail below (attached). He already called twice.\n\n"
            "Thanks\nMaria\n\n")
    html = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=us-ascii"></head><body>'
            '<div class="WordSection1"><p class="MsoNormal">Hi team,</p><p class="MsoNormal">please take care of the customer mail '
            'below (attached). He already called twice.</p><p class="MsoNormal">Thanks<br>Maria</p></div></body></html>\n')
    altbody = mp(alt, [
        part([("Content-Type", 'text/plain; charset="us-ascii"'), ("Content-Transfer-Encoding", "quoted-printable")], qp(text.encode())),
        part([("Content-Type", 'text/html; charset="us-ascii"'), ("Content-Transfer-Encoding", "quoted-printable")], qp(html.encode())),
    ])
    body = mp(mix, [
        part([("Content-Type", 'multipart/alternative;\n\tboundary="%s"' % alt)], b"\n" + altbody),
        part([("Content-Type", "message/rfc822"),
              ("Content-Disposition", 'attachment;\n\tcreation-date="Tue, 14 Nov 2023 08:20:01 GMT";\n\tmodification-date="Tue, 14 Nov 2023 08:20:01 GMT"')], inner),
    ])
    hdr = [("Received", "from AM6PR04MB5123.eurprd04.prod.example.com ([fe80::aa1:bb2:cc3:dd4]) by\n AM6PR04MB5123.eurprd04.prod.example.com with mapi id 15.20.7002.015; Tue, 14 Nov 2023 08:20:01 +0000"),
           ("From", '"Weber, Maria" <maria.weber@example.com>'),
           ("To", "Support <support@example.net>"),
           ("Subject", "FW: Defekte Lieferung Auftrag 99120"),
           ("Thread-Topic", "Defekte Lieferung Auftrag 99120"),
           ("Thread-Index", "AdoW2Fb1c2d3e4f5a6b7c8d9e0f1a2b3cAAH3zUA"),
           ("Date", "Tue, 14 Nov 2023 08:20:01 +0000"),
           ("Message-ID", "<AM6PR04MB5123D4C3B2A1F0E9D8C7B6A5F4E3D2C1@AM6PR04MB5123.eurprd04.prod.example.com>"),
           ("Accept-Language", "de-DE, en-US"),
           ("Content-Language", "en-US"),
           ("X-MS-Has-Attach", "yes"),
           ("X-MS-TNEF-Correlator", ""),
           ("Content-Type", 'multipart/mixed;\n\tboundary="%s"' % mix),
           ("MIME-Version", "1.0")]
    add("33-forward-attachment-outlook.eml", message(hdr, body),
        "Outlook/Exchange 'forward as attachment': the original is a message/rfc822 part with Content-Disposition attachment and NO filename (filename null); its body must not leak into the outer text and its headers must not replace the outer ones.",
        "AM6PR04MB5123D4C3B2A1F0E9D8C7B6A5F4E3D2C1@AM6PR04MB5123.eurprd04.prod.example.com",
        "maria.weber@example.com", "Weber, Maria", "FW: Defekte Lieferung Auftrag 99120",
        textContains=["please take care of the customer mail below (attached)"],
        textExcludes=["zwei zerbrochenen Glasplatten", "0151 5550 1234"],
        htmlContains=["please take care of the customer mail"], hasHtml=True,
        attachments=[A(None, "message/rfc822", wire_len(inner))], threadIndex=True)


def m34():
    b = "------------c4Vb7Nn1Mm0Ll9Kk8Jj7Hh6G"
    ib = "000000000000e1d2c3060a0f1e2d"
    lief = pdf(["Lieferschein 5590", "3 x Gartenstuhl Modell Ahorn"], seed="34")
    inner = message([
        ("MIME-Version", "1.0"),
        ("From", "Ines Vogel <ines.vogel@example.org>"),
        ("Date", "Mon, 13 Nov 2023 19:02:11 +0100"),
        ("Message-ID", "<CAM5aB6cD7eF8gH9iJ0kL1mN2oP3qR4sT5uV6wX7yZ8aB9c@mail.example.org>"),
        ("Subject", "Reklamation Bestellung 5590"),
        ("To", "Sales <sales@example.com>"),
        ("Content-Type", 'multipart/mixed; boundary="%s"' % ib)],
        mp(ib, [
            part([("Content-Type", 'text/plain; charset="UTF-8"'), ("Content-Transfer-Encoding", "quoted-printable")],
                 qp("Hallo,\n\nvon den drei Gartenstühlen ist einer gebrochen angekommen. Lieferschein anbei.\n\nInes Vogel\n".encode("utf-8"))),
            part([("Content-Type", 'application/pdf; name="Lieferschein_5590.pdf"'),
                  ("Content-Disposition", 'attachment; filename="Lieferschein_5590.pdf"'),
                  ("Content-Transfer-Encoding", "base64"), ("X-Attachment-Id", "f_lp1a2b3c0")], b64(lief)),
        ]))
    body = mp(b, [
        part([("Content-Type", "text/plain; charset=UTF-8; format=flowed"), ("Content-Transfer-Encoding", "7bit")],
             "Hallo Support,\n\nich leite euch die Reklamation von Frau Vogel als Anhang weiter.\n\nGruss\nSven\n"),
        part([("Content-Type", 'message/rfc822; charset=UTF-8;\n name="Reklamation Bestellung 5590.eml"'),
              ("Content-Disposition", 'attachment;\n filename="Reklamation Bestellung 5590.eml"'),
              ("Content-Transfer-Encoding", "7bit")], inner),
    ], preamble="This is a multi-part message in MIME format.")
    hdr = rcv("sven.koch@example.com", "mail.example.com", "192.0.2.34", "4STjPa4Ll3z9t6a",
              "Tue, 14 Nov 2023 08:31:27 +0100 (CET)") + [
        ("Content-Type", 'multipart/mixed; boundary="%s"' % b),
        ("Message-ID", "<e2f3a4b5-c6d7-4e8f-9a0b-1c2d3e4f5a6b@example.com>"),
        ("Date", "Tue, 14 Nov 2023 08:31:25 +0100"),
        ("MIME-Version", "1.0"),
        ("User-Agent", "Mozilla Thunderbird"),
        ("Content-Language", "de-DE"),
        ("To", "support@example.net"),
        ("From", "Sven Koch <sven.koch@example.com>"),
        ("Subject", "Fwd: Reklamation Bestellung 5590")]
    add("34-forward-attachment-thunderbird.eml", message(hdr, body),
        "Thunderbird 'forward as attachment': message/rfc822 with name=/filename= 'Reklamation Bestellung 5590.eml'; the forwarded mail itself contains a PDF, which belongs to the .eml and must NOT appear as a separate attachment, nor its text in the outer text.",
        "e2f3a4b5-c6d7-4e8f-9a0b-1c2d3e4f5a6b@example.com", "sven.koch@example.com", "Sven Koch", "Fwd: Reklamation Bestellung 5590",
        textContains=["ich leite euch die Reklamation von Frau Vogel als Anhang weiter."],
        textExcludes=["von den drei Gartenstühlen ist einer gebrochen", "Lieferschein anbei"],
        attachments=[A("Reklamation Bestellung 5590.eml", "message/rfc822", wire_len(inner))])


def m35():
    alt = "0000000000004d5e6f060a21b2c3"
    text = ("Hi support, forwarding this from our sales inbox - can you handle the refund?\n\nCheers,\nTom\n\n"
            "---------- Forwarded message ---------\n"
            "From: Ana Souza <ana.souza@example.org>\n"
            "Date: Mon, 13 Nov 2023 at 16:20\n"
            "Subject: Reembolso do pedido 7710\n"
            "To: <sales@example.com>\n\n\n"
            "Olá,\n\ngostaria de solicitar o reembolso do pedido 7710, o produto chegou danificado.\n\nObrigada,\nAna Souza\n")
    html = ('<div dir="ltr">Hi support, forwarding this from our sales inbox - can you handle the refund?<div><br></div><div>Cheers,</div>'
            '<div>Tom<br><br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">---------- Forwarded message ---------<br>'
            'From: <strong class="gmail_sendername" dir="auto">Ana Souza</strong> <span dir="auto">&lt;<a href="mailto:ana.souza@example.org">ana.souza@example.org</a>&gt;</span><br>'
            'Date: Mon, 13 Nov 2023 at 16:20<br>Subject: Reembolso do pedido 7710<br>To: &lt;<a href="mailto:sales@example.com">sales@example.com</a>&gt;<br></div><br><br>'
            '<div dir="ltr">Olá,<div><br></div><div>gostaria de solicitar o reembolso do pedido 7710, o produto chegou danificado.</div>'
            '<div><br></div><div>Obrigada,</div><div>Ana Souza</div></div>\n</div></div></div>\n')
    body = mp(alt, [
        part([("Content-Type", 'text/plain; charset="UTF-8"'), ("Content-Transfer-Encoding", "quoted-printable")], qp(text.encode("utf-8"))),
        part([("Content-Type", 'text/html; charset="UTF-8"'), ("Content-Transfer-Encoding", "quoted-printable")], qp(html.encode("utf-8"))),
    ])
    hdr = rcv("tom.becker@example.com", "mail-sor-f35.example.com", "192.0.2.35", "4STjQb5Mm4z9t6k",
              "Tue, 14 Nov 2023 08:44:50 +0100 (CET)") + [
        ("MIME-Version", "1.0"),
        ("From", "Tom Becker <tom.becker@example.com>"),
        ("Date", "Tue, 14 Nov 2023 08:44:47 +0100"),
        ("Message-ID", "<CAP1q2w3e4r5t6y7u8i9o0pAsDfGhJkL-zXcVbNm+QwErTy@mail.example.com>"),
        ("Subject", "Fwd: Reembolso do pedido 7710"),
        ("To", "support@example.net"),
        ("Content-Type", 'multipart/alternative; boundary="%s"' % alt)]
    add("35-forward-inline.eml", message(hdr, body),
        "Gmail inline forward ('---------- Forwarded message ---------' block in the body): From is the forwarder, and the forwarded customer text is content that must stay in the text (it is not quoted history to strip).",
        "CAP1q2w3e4r5t6y7u8i9o0pAsDfGhJkL-zXcVbNm+QwErTy@mail.example.com", "tom.becker@example.com", "Tom Becker",
        "Fwd: Reembolso do pedido 7710",
        textContains=["can you handle the refund?", "---------- Forwarded message ---------", "From: Ana Souza <ana.souza@example.org>",
                      "gostaria de solicitar o reembolso do pedido 7710, o produto chegou danificado."],
        htmlContains=['<div class="gmail_quote">', "Forwarded message"], hasHtml=True)


# --------------------------------------------------------------------------------------------
# 36-41 replies and quoted history
# --------------------------------------------------------------------------------------------

REFS36 = []
for _i in range(12):
    if _i % 2 == 0:
        REFS36.append("CAH%02dr7kQ%s@mail.example.com" % (_i, hashlib.sha1(b"r%d" % _i).hexdigest()[:24]))
    else:
        REFS36.append("ticket-48213-out-%d.%d@support.example.net" % (1699600000 + _i * 3600, _i))


def m36():
    alt = "000000000000a1b2c3060a22c3d4"
    attr = "On Mon, 13 Nov 2023 at 15:04, Omnihub Customer Support Team <\nsupport@example.net> wrote:"
    text = ("Thanks, the replacement arrived today and works perfectly.\n"
            "I'll send the broken unit back with the prepaid label.\n\nAda\n\n"
            + attr + "\n\n"
            "> Hello Ada,\n>\n> we shipped a replacement unit today, tracking number 1Z999AA10123456784.\n"
            "> Please hold the reset button for 10 seconds after connecting it.\n>\n> Kind regards,\n> Omnihub Support\n>\n"
            "> On Fri, 10 Nov 2023 at 09:12, Ada Lovelace <ada.lovelace@example.com> wrote:\n>\n"
            ">> My router keeps rebooting every few minutes.\n>>\n")
    html = ('<div dir="ltr">Thanks, the replacement arrived today and works perfectly.<div>I\'ll send the broken unit back with the prepaid label.</div>'
            '<div><br></div><div>Ada</div></div><br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">On Mon, 13 Nov 2023 at 15:04, '
            'Omnihub Customer Support Team &lt;<a href="mailto:support@example.net">support@example.net</a>&gt; wrote:<br></div>'
            '<blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex">'
            'Hello Ada,<br><br>we shipped a replacement unit today, tracking number 1Z999AA10123456784.<br>Please hold the reset button for '
            '10 seconds after connecting it.<br><br>Kind regards,<br>Omnihub Support<br><br>On Fri, 10 Nov 2023 at 09:12, Ada Lovelace '
            '&lt;ada.lovelace@example.com&gt; wrote:<br><blockquote class="gmail_quote">My router keeps rebooting every few minutes.</blockquote>'
            '</blockquote></div>\n')
    body = mp(alt, [
        part([("Content-Type", 'text/plain; charset="UTF-8"'), ("Content-Transfer-Encoding", "quoted-printable")], qp(text.encode())),
        part([("Content-Type", 'text/html; charset="UTF-8"'), ("Content-Transfer-Encoding", "quoted-printable")], qp(html.encode())),
    ])
    hdr = rcv("ada.lovelace@example.com", "mail-sor-f36.example.com", "192.0.2.36", "4STjRc6Nn5z9t6u",
              "Tue, 14 Nov 2023 16:05:31 +0100 (CET)") + [
        ("MIME-Version", "1.0"),
        ("References", "\n ".join("<%s>" % r for r in REFS36)),
        ("In-Reply-To", "<%s>" % REFS36[-1]),
        ("From", "Ada Lovelace <ada.lovelace@example.com>"),
        ("Date", "Tue, 14 Nov 2023 15:05:28 +0000"),
        ("Message-ID", "<CAH12r7kQ0f9e8d7c6b5a4f3e2d1c0b9a8@mail.example.com>"),
        ("Subject", "Re: [Ticket #48213] Router keeps rebooting"),
        ("To", "Omnihub Customer Support Team <support@example.net>"),
        ("Content-Type", 'multipart/alternative; boundary="%s"' % alt)]
    add("36-reply-gmail-references-chain.eml", message(hdr, body),
        "Gmail reply: References chain of 12 ids folded over 12 lines, In-Reply-To = newest; the plain-text attribution 'On ... wrote:' is wrapped over two lines by Gmail and followed by nested '>' and '>>' quotes.",
        "CAH12r7kQ0f9e8d7c6b5a4f3e2d1c0b9a8@mail.example.com", "ada.lovelace@example.com", "Ada Lovelace",
        "Re: [Ticket #48213] Router keeps rebooting",
        textContains=["the replacement arrived today and works perfectly"],
        htmlContains=['<div class="gmail_quote">', '<blockquote class="gmail_quote"'], hasHtml=True,
        inReplyTo=REFS36[-1], references=REFS36,
        newPartContains=["the replacement arrived today and works perfectly", "send the broken unit back with the prepaid label"],
        newPartExcludes=["we shipped a replacement unit today", "support@example.net> wrote:", "My router keeps rebooting"])


def m37():
    irt = "ticket-48220-out-1699950900.2@support.example.net"
    text = ("The new link worked, thank you. I could log in again.\n\nPaul\n\n"
            "On Tue, November 14, 2023 09:15, Omnihub Support wrote:\n"
            "> Dear Paul,\n>\n> please use the new link below, it is valid for 24 hours:\n> https://portal.example.com/reset?token=8f3a\n>\n> Omnihub Support\n>\n")
    hdr = rcv("paul.martin@example.org", "webmail.example.org", "198.51.100.37", "4STjSd7Pp6z9t74",
              "Tue, 14 Nov 2023 10:15:43 +0100 (CET)") + [
        ("Message-ID", "<a1c2e3f4b5d6e7f8a9b0c1d2e3f4a5b6.squirrel@webmail.example.org>"),
        ("In-Reply-To", "<%s>" % irt),
        ("Date", "Tue, 14 Nov 2023 10:15:40 +0100"),
        ("Subject", "Re: [Ticket #48220] Password reset link expired"),
        ("From", '"Paul Martin" <paul.martin@example.org>'),
        ("To", "support@example.net"),
        ("User-Agent", "SquirrelMail/1.4.22"),
        ("MIME-Version", "1.0"),
        ("Content-Type", "text/plain;charset=iso-8859-1"),
        ("Content-Transfer-Encoding", "8bit"),
        ("X-Priority", "3 (Normal)"),
        ("Importance", "Normal")]
    add("37-reply-only-in-reply-to.eml", message(hdr, text.encode("latin-1")),
        "SquirrelMail reply with In-Reply-To but no References header (references must be empty, threading falls back to In-Reply-To); 'On ..., X wrote:' + '>' quote; Content-Type without space after ';'.",
        "a1c2e3f4b5d6e7f8a9b0c1d2e3f4a5b6.squirrel@webmail.example.org", "paul.martin@example.org", "Paul Martin",
        "Re: [Ticket #48220] Password reset link expired",
        textContains=["The new link worked, thank you."],
        inReplyTo=irt, references=[],
        newPartContains=["The new link worked, thank you. I could log in again."],
        newPartExcludes=["please use the new link below", "https://portal.example.com/reset?token=8f3a"])


def m38():
    text = ("Thanks, that fixed it! The router has been stable for two hours now.\n\nSent from my iPad\n\n"
            "> On 14 Nov 2023, at 10:02, Omnihub Support <support@example.net> wrote:\n> \n> Hello Ada,\n"
            "> please hold the reset button for 10 seconds and wait until the LED turns green.\n> Kind regards\n> Omnihub Support\n")
    hdr = [("Return-Path", "<ada.lovelace@example.com>"),
           ("Delivered-To", "support@example.net"),
           ("Received", "from mailgw.example.org (mailgw.example.org [198.51.100.38])\n\tby mx.example.net (Postfix) with ESMTPS id 4STjTe8Qq7z9t7e\n\tfor <support@example.net>; Tue, 14 Nov 2023 12:20:49 +0100 (CET)"),
           ("X-Gateway-Processed", "mailgw.example.org; headers sanitized (In-Reply-To, References removed)"),
           ("Content-Type", "text/plain; charset=utf-8"),
           ("Content-Transfer-Encoding", "quoted-printable"),
           ("From", "Ada Lovelace <ada.lovelace@example.com>"),
           ("Mime-Version", "1.0 (1.0)"),
           ("Subject", "Re: [Ticket #48213] Router keeps rebooting"),
           ("Date", "Tue, 14 Nov 2023 12:20:41 +0100"),
           ("Message-Id", "<E5D4C3B2-A190-4F8E-9D7C-6B5A4F3E2D1C@example.com>"),
           ("To", SUPPORT),
           ("X-Mailer", "iPad Mail (21A360)")]
    add("38-reply-references-stripped.eml", message(hdr, qp(text.encode("utf-8"))),
        "iPad Mail reply whose In-Reply-To and References were stripped by a gateway: only the subject's ticket tag is left for threading; Apple-style quote where the attribution itself is quoted ('> On ..., at ..., X wrote:').",
        "E5D4C3B2-A190-4F8E-9D7C-6B5A4F3E2D1C@example.com", "ada.lovelace@example.com", "Ada Lovelace",
        "Re: [Ticket #48213] Router keeps rebooting",
        textContains=["Thanks, that fixed it!"],
        inReplyTo=None, references=[],
        newPartContains=["Thanks, that fixed it! The router has been stable for two hours now."],
        newPartExcludes=["please hold the reset button", "On 14 Nov 2023, at 10:02"])


def m39():
    text = ("Hi,\n\nthanks for the quote. We'd like to go ahead with 40 units, please send the order confirmation to "
            "purchasing@example.com.\n\nBest regards\nChidi Okafor\nProcurement\n\n"
            "-----Original Message-----\n"
            "From: Omnihub Support <support@example.net> \n"
            "Sent: Tuesday, November 14, 2023 10:02 AM\n"
            "To: Okafor, Chidi <chidi.okafor@example.com>\n"
            "Subject: Quote Q-2291 for 40 headsets\n\n"
            "Dear Chidi,\n\nplease find our quote Q-2291 below: 40 x HS-200 headset at 59.00 EUR each, delivery within 5 working days.\n\n"
            "Kind regards\nOmnihub Support\n\n")
    hdr = [("Received", "from PAXPR05MB8899.eurprd05.prod.example.com ([fe80::5a5:6b6:7c7:8d8]) by\n PAXPR05MB8899.eurprd05.prod.example.com with mapi id 15.20.7002.015; Tue, 14 Nov 2023 10:40:17 +0000"),
           ("From", '"Okafor, Chidi" <chidi.okafor@example.com>'),
           ("To", "Omnihub Support <support@example.net>"),
           ("Subject", "RE: Quote Q-2291 for 40 headsets"),
           ("Thread-Topic", "Quote Q-2291 for 40 headsets"),
           ("Thread-Index", "AQHaFvKx3v5Q2m8YkU+0aB1cD2eF3gH4iJ5kAAKx7mA="),
           ("Date", "Tue, 14 Nov 2023 10:40:17 +0000"),
           ("Message-ID", "<PAXPR05MB88990A1B2C3D4E5F60718293A4B5C6D7@PAXPR05MB8899.eurprd05.prod.example.com>"),
           ("Accept-Language", "en-GB, en-US"),
           ("Content-Language", "en-GB"),
           ("X-MS-Has-Attach", ""),
           ("X-MS-TNEF-Correlator", ""),
           ("Content-Type", 'text/plain; charset="us-ascii"'),
           ("Content-Transfer-Encoding", "quoted-printable"),
           ("MIME-Version", "1.0")]
    add("39-reply-outlook-thread-index.eml", message(hdr, qp(text.encode())),
        "Outlook reply with Thread-Index/Thread-Topic but no In-Reply-To/References (threading needs Thread-Index or subject); quoted history is an unprefixed '-----Original Message-----' + From:/Sent:/To:/Subject: block, no '>' lines.",
        "PAXPR05MB88990A1B2C3D4E5F60718293A4B5C6D7@PAXPR05MB8899.eurprd05.prod.example.com",
        "chidi.okafor@example.com", "Okafor, Chidi", "RE: Quote Q-2291 for 40 headsets",
        textContains=["We'd like to go ahead with 40 units"],
        inReplyTo=None, references=[], threadIndex=True,
        newPartContains=["We'd like to go ahead with 40 units", "send the order confirmation to purchasing@example.com."],
        newPartExcludes=["-----Original Message-----", "please find our quote Q-2291 below", "Sent: Tuesday, November 14, 2023"])


def m40():
    alt = "_000_FR2P281MB1234ABCDEF0123456789ABCDEF012345FR2P281MB1234DEUP_"
    refs = ["5c0e8f0a-3b1d-4f7e-9a2c-61d4e8b7f301@example.com", "ticket-4711-out-1699951320.1@support.example.net"]
    subj = "AW: Rückfrage zu Bestellung 4711 – Lieferadresse ändern"
    text = ("Hallo,\n\nvielen Dank, die neue Adresse passt so.\n\nMit freundlichen Grüßen\nJörg Weißbrunn\n\n"
            "Von: Omnihub Support <support@example.net>\n"
            "Gesendet: Dienstag, 14. November 2023 10:02\n"
            "An: Weißbrunn, Jörg <joerg.weissbrunn@example.com>\n"
            "Betreff: AW: Rückfrage zu Bestellung 4711 – Lieferadresse ändern\n\n"
            "Sehr geehrter Herr Weißbrunn,\n\nwir haben die Lieferadresse Ihrer Bestellung 4711 geändert auf:\n"
            "Straße des 17. Juni 135, 10623 Berlin.\n\nMit freundlichen Grüßen\nIhr Omnihub Support\n\n")
    html = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head><body lang="DE">'
            '<div class="WordSection1"><p class="MsoNormal">Hallo,</p><p class="MsoNormal">vielen Dank, die neue Adresse passt so.</p>'
            '<p class="MsoNormal">Mit freundlichen Grüßen<br>Jörg Weißbrunn</p>'
            '<div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm"><p class="MsoNormal"><b>Von:</b> Omnihub Support '
            '&lt;support@example.net&gt; <br><b>Gesendet:</b> Dienstag, 14. November 2023 10:02<br><b>An:</b> Weißbrunn, Jörg '
            '&lt;joerg.weissbrunn@example.com&gt;<br><b>Betreff:</b> AW: Rückfrage zu Bestellung 4711 – Lieferadresse ändern</p></div>'
            '<p class="MsoNormal">Sehr geehrter Herr Weißbrunn,</p><p class="MsoNormal">wir haben die Lieferadresse Ihrer Bestellung 4711 '
            'geändert auf:<br>Straße des 17. Juni 135, 10623 Berlin.</p><p class="MsoNormal">Mit freundlichen Grüßen<br>Ihr Omnihub Support</p>'
            '</div></body></html>\n')
    body = mp(alt, [
        part([("Content-Type", 'text/plain; charset="utf-8"'), ("Content-Transfer-Encoding", "base64")], b64(text.encode("utf-8"))),
        part([("Content-Type", 'text/html; charset="utf-8"'), ("Content-Transfer-Encoding", "base64")], b64(html.encode("utf-8"))),
    ])
    hdr = [("Received", "from FR2P281MB1234.DEUP281.PROD.example.com ([fe80::1:2:3:4]) by\n FR2P281MB1234.DEUP281.PROD.example.com with mapi id 15.20.7002.015; Tue, 14 Nov 2023 09:48:03 +0000"),
           ("From", "=?iso-8859-1?Q?Wei=DFbrunn=2C_J=F6rg?= <joerg.weissbrunn@example.com>"),
           ("To", "Omnihub Support <support@example.net>"),
           ("Subject", "\n ".join(ewb_split(subj, "utf-8"))),
           ("Thread-Topic", "\n ".join(ewb_split(subj[4:], "utf-8"))),
           ("Thread-Index", "AQHaFuQ1hZ3n8kL0bE2QmYv7s9W1yA=="),
           ("Date", "Tue, 14 Nov 2023 09:48:03 +0000"),
           ("Message-ID", "<FR2P281MB1234ABCDEF0123456789ABCDEF012345@FR2P281MB1234.DEUP281.PROD.example.com>"),
           ("References", " ".join("<%s>" % r for r in refs)),
           ("In-Reply-To", "<%s>" % refs[-1]),
           ("Accept-Language", "de-DE, en-US"),
           ("Content-Language", "de-DE"),
           ("X-MS-Has-Attach", ""),
           ("X-MS-TNEF-Correlator", ""),
           ("Content-Type", 'multipart/alternative;\n\tboundary="%s"' % alt),
           ("MIME-Version", "1.0")]
    add("40-reply-german-outlook.eml", message(hdr, body),
        "German Outlook reply (base64 UTF-8 parts): quoted history starts at an unprefixed 'Von: / Gesendet: / An: / Betreff:' block; closing phrase 'Mit freundlichen Grüßen' occurs in both new and quoted parts; has In-Reply-To, References and Thread-Index.",
        "FR2P281MB1234ABCDEF0123456789ABCDEF012345@FR2P281MB1234.DEUP281.PROD.example.com",
        "joerg.weissbrunn@example.com", "Weißbrunn, Jörg", subj,
        textContains=["vielen Dank, die neue Adresse passt so."],
        htmlContains=["<b>Von:</b> Omnihub Support", "<b>Gesendet:</b>"], hasHtml=True,
        inReplyTo=refs[-1], references=refs, threadIndex=True,
        newPartContains=["vielen Dank, die neue Adresse passt so."],
        newPartExcludes=["Sehr geehrter Herr Weißbrunn", "wir haben die Lieferadresse Ihrer Bestellung 4711 geändert", "Gesendet: Dienstag"])


def m41():
    refs = ["3d2c1b0a-9f8e-4d7c-8b6a-5f4e3d2c1b0a@example.com", "ticket-48230-out-1699952000.3@support.example.net"]
    text = ("Yes, please go ahead with the replacement. Same delivery address as before.\n\n"
            "-- \nAda Lovelace\nAnalytical Engines Ltd. | +44 20 7946 0000\n\n"
            "On 14/11/2023 10:02, Omnihub Support wrote:\n> Hello Ada,\n>\n> shall we send a replacement or would you prefer a refund?\n>\n"
            "> Kind regards\n> Omnihub Support\n")
    hdr = rcv("ada.lovelace@example.com", "mail.example.com", "192.0.2.41", "4STjUf9Rr8z9t7o",
              "Tue, 14 Nov 2023 10:58:12 +0100 (CET)") + [
        ("Message-ID", "<6f5e4d3c-2b1a-4098-8f7e-6d5c4b3a2918@example.com>"),
        ("Date", "Tue, 14 Nov 2023 10:58:10 +0100"),
        ("MIME-Version", "1.0"),
        ("User-Agent", "Mozilla Thunderbird"),
        ("Subject", "Re: [Ticket #48230] Replacement or refund?"),
        ("Content-Language", "en-GB"),
        ("To", SUPPORT),
        ("References", "<%s>\n <%s>" % tuple(refs)),
        ("From", "Ada Lovelace <ada.lovelace@example.com>"),
        ("In-Reply-To", "<%s>" % refs[-1]),
        ("Content-Type", "text/plain; charset=UTF-8; format=flowed"),
        ("Content-Transfer-Encoding", "7bit")]
    add("41-reply-top-posted-signature.eml", message(hdr, text.encode()),
        "Top-posted Thunderbird reply: new text, then a '-- ' signature, then 'On <date>, X wrote:' and the quote; the signature delimiter must not hide the new text and the quote after it must be excluded (signature itself unconstrained).",
        "6f5e4d3c-2b1a-4098-8f7e-6d5c4b3a2918@example.com", "ada.lovelace@example.com", "Ada Lovelace",
        "Re: [Ticket #48230] Replacement or refund?",
        textContains=["please go ahead with the replacement"],
        inReplyTo=refs[-1], references=refs,
        newPartContains=["Yes, please go ahead with the replacement. Same delivery address as before."],
        newPartExcludes=["shall we send a replacement or would you prefer a refund?"])


# --------------------------------------------------------------------------------------------
# 42-46 Message-ID and Date oddities
# --------------------------------------------------------------------------------------------

def simple_text(hdr, text, charset="UTF-8", cte="8bit", codec="utf-8"):
    body = text.encode(codec)
    if cte == "quoted-printable":
        body = qp(body)
    elif cte == "base64":
        body = b64(body)
    return message(hdr + [("MIME-Version", "1.0"), ("Content-Type", "text/plain; charset=%s" % charset),
                          ("Content-Transfer-Encoding", cte)], body)


def m42():
    text = "Guten Tag,\n\nbitte rufen Sie mich zurück: 0170 5550 199. Es geht um Vertrag 77-100.\n\nNina Hoffmann\n"
    hdr = rcv("www-data@shop.example.com", "shop.example.com", "192.0.2.42", "4STjVg0Ss9z9t7y",
              "Tue, 14 Nov 2023 11:02:19 +0100 (CET)") + [
        ("To", "support@example.net"),
        ("Subject", ewq("Rückruf erbeten", "UTF-8")),
        ("X-PHP-Originating-Script", "33:contact.php"),
        ("From", "Nina Hoffmann <nina.hoffmann@example.com>"),
        ("Date", "Tue, 14 Nov 2023 11:02:17 +0100")]
    add("42-no-message-id.eml", simple_text(hdr, text),
        "No Message-ID header at all (PHP mail() script, receiving MTA did not add one): messageId is null and the connector must derive its own stable external id (e.g. hash of the raw message) for de-duplication.",
        None, "nina.hoffmann@example.com", "Nina Hoffmann", "Rückruf erbeten",
        textContains=["bitte rufen Sie mich zurück: 0170 5550 199"])


def m43():
    text = "Hello,\n\nour account 55-310 shows an open balance although we paid on 2 November (ref. PAY-88130).\n\nRegards\nOskar Lind\n"
    hdr = rcv("oskar.lind@example.com", "mx1.example.com", "192.0.2.43", "4STjWh1Tt0z9t88",
              "Tue, 14 Nov 2023 11:10:44 +0100 (CET)") + [
        ("Message-ID", "<first-7a1c2b3d@mx1.example.com>"),
        ("From", "Oskar Lind <oskar.lind@example.com>"),
        ("To", "support@example.net"),
        ("Subject", "Open balance on account 55-310"),
        ("Date", "Tue, 14 Nov 2023 11:10:41 +0100"),
        ("X-Mailer", "AcmeMail Relay 1.4"),
        ("Message-ID", "<second-99b2c3d4@mx2.example.com>")]
    add("43-duplicate-message-id.eml", simple_text(hdr, text, "us-ascii", "7bit"),
        "Two different Message-ID headers (a relay added a second one): the first one wins; must not throw or concatenate them.",
        "first-7a1c2b3d@mx1.example.com", "oskar.lind@example.com", "Oskar Lind", "Open balance on account 55-310",
        textContains=["our account 55-310 shows an open balance"])


def m44():
    text = ("Sehr geehrte Damen und Herren,\n\nanbei unsere Bestellung 4500012345 über 12 Stück Headset HS-200.\n"
            "Liefertermin: KW 48.\n\nEinkauf\nMüller Maschinenbau GmbH\n")
    hdr = rcv("einkauf@example.net", "erp.example.net", "203.0.113.44", "4STjXj2Uu1z9t8i",
              "Tue, 14 Nov 2023 10:15:04 +0100 (CET)") + [
        ("Message-ID", "20231114101502.4821.legacy@erp.example.net"),
        ("Date", "Tue, 14 Nov 2023 10:15:02 +0100"),
        ("From", ewq("Einkauf Müller Maschinenbau", "ISO-8859-1") + " <Einkauf@Example.NET>"),
        ("To", "support@example.net"),
        ("Subject", "Bestellung 4500012345"),
        ("X-Mailer", "SAP NetWeaver 7.50")]
    add("44-message-id-no-brackets.eml", simple_text(hdr, text, "ISO-8859-1", "quoted-printable", "latin-1"),
        "Message-ID without angle brackets (legacy ERP): the bare value is the id; From address has upper-case letters (must be lower-cased).",
        "20231114101502.4821.legacy@erp.example.net", "einkauf@example.net", "Einkauf Müller Maschinenbau", "Bestellung 4500012345",
        textContains=["anbei unsere Bestellung 4500012345 über 12 Stück Headset HS-200."])


def m45():
    text = "Hi,\n\nthe export job for tenant 'northwind' failed again, can someone have a look?\n\nLiam\n"
    hdr = [("Return-Path", "<liam.oconnor@example.com>"),
           ("Delivered-To", "support@example.net"),
           ("Received", "from build01.example.com (build01.example.com [192.0.2.45])\n\tby mx.example.net (Postfix) with ESMTP id 4STjYk3Vv2z9t8s\n\tfor <support@example.net>"),
           ("From", "Liam O'Connor <liam.oconnor@example.com>"),
           ("To", "support@example.net"),
           ("Subject", "Export job failed again"),
           ("Message-ID", "<20231114.build01.45@build01.example.com>")]
    add("45-no-date.eml", simple_text(hdr, text, "us-ascii", "7bit"),
        "No Date header (and the Received trace has no date either): parsing must not fail; the time must fall back to the IMAP INTERNALDATE / receive time. Apostrophe in an unquoted display name.",
        "20231114.build01.45@build01.example.com", "liam.oconnor@example.com", "Liam O'Connor", "Export job failed again",
        textContains=["the export job for tenant 'northwind' failed again"])


def m46():
    text = "Hello,\n\nI still have not received the invoice for October. Could you resend it?\n\nSara\n"
    hdr = rcv("sara.okafor@example.org", "mail.example.org", "198.51.100.46", "4STjZm4Ww3z9t92",
              "Tue, 14 Nov 2023 11:30:12 +0100 (CET)") + [
        ("Date", "Tue, 31 Feb 2023 25:61:99 +9900"),
        ("From", "Sara Okafor <sara.okafor@example.org>"),
        ("To", "support@example.net"),
        ("Subject", "Invoice for October missing"),
        ("Message-ID", "<b46.20231114113010@mail.example.org>")]
    add("46-malformed-date.eml", simple_text(hdr, text, "us-ascii", "7bit"),
        "Date header that cannot be a date ('Tue, 31 Feb 2023 25:61:99 +9900'): must not throw; fall back to the Received/INTERNALDATE time.",
        "b46.20231114113010@mail.example.org", "sara.okafor@example.org", "Sara Okafor", "Invoice for October missing",
        textContains=["I still have not received the invoice for October."])


# --------------------------------------------------------------------------------------------
# 47-57 auto-replies and bulk mail
# --------------------------------------------------------------------------------------------

def m47():
    irt = "ticket-48240-out-1699953000.1@support.example.net"
    text = ("Ich bin bis zum 24.11. nicht im Büro und lese keine E-Mails.\n"
            "In dringenden Fällen wenden Sie sich bitte an vertretung@example.org.\n\nLena Wolf\n")
    hdr = rcv("", "mail.example.org", "198.51.100.47", "4STjaN5Xx4z9t9c",
              "Tue, 14 Nov 2023 11:40:05 +0100 (CET)")[1:] + [
        ("Message-ID", "<dovecot-sieve-1699958403-617231-0@mail.example.org>"),
        ("Date", "Tue, 14 Nov 2023 11:40:03 +0100"),
        ("X-Sieve", "Pigeonhole Sieve 0.5.21 (f6cd4b8e)"),
        ("From", "Lena Wolf <lena.wolf@example.org>"),
        ("To", "<support@example.net>"),
        ("Subject", "Auto: Re: [Ticket #48240] Your order has shipped"),
        ("Auto-Submitted", "auto-replied (vacation)"),
        ("In-Reply-To", "<%s>" % irt),
        ("References", "<%s>" % irt)]
    add("47-auto-submitted-auto-replied.eml", simple_text(hdr, text),
        "Sieve vacation reply: 'Auto-Submitted: auto-replied (vacation)' - the keyword is followed by a comment, so compare only the token before '(' / ';'.",
        "dovecot-sieve-1699958403-617231-0@mail.example.org", "lena.wolf@example.org", "Lena Wolf",
        "Auto: Re: [Ticket #48240] Your order has shipped",
        textContains=["Ich bin bis zum 24.11. nicht im Büro"],
        flags=["AUTO_SUBMITTED"], inReplyTo=irt, references=[irt])


def m48():
    text = ("Problem started at 10:12:00 on 2023.11.14\nProblem name: Disk space is critically low on db-01 (used > 95%)\n"
            "Host: db-01\nSeverity: High\nOperational data: /var/lib/postgresql: 96.3 % used\nOriginal problem ID: 4812277\n")
    hdr = rcv("zabbix@monitor.example.com", "monitor.example.com", "192.0.2.48", "4STjbP6Yy5z9t9m",
              "Tue, 14 Nov 2023 10:12:03 +0100 (CET)") + [
        ("From", "Zabbix <zabbix@monitor.example.com>"),
        ("To", "<support@example.net>"),
        ("Date", "Tue, 14 Nov 2023 10:12:02 +0100"),
        ("Subject", "Problem: Disk space is critically low on db-01 (used > 95%)"),
        ("Message-ID", "<20231114091202.4812277.zabbix@monitor.example.com>"),
        ("Auto-Submitted", "auto-generated")]
    add("48-auto-submitted-auto-generated.eml", simple_text(hdr, text, "UTF-8", "base64"),
        "Monitoring alert with 'Auto-Submitted: auto-generated' (base64 body): machine mail, never auto-answer.",
        "20231114091202.4812277.zabbix@monitor.example.com", "zabbix@monitor.example.com", "Zabbix",
        "Problem: Disk space is critically low on db-01 (used > 95%)",
        textContains=["Host: db-01", "/var/lib/postgresql: 96.3 % used"],
        flags=["AUTO_SUBMITTED"])


def m49():
    text = ("Hello,\n\nplease add two more agent seats to our subscription (contract 2023-114) from December.\n\n"
            "Thanks,\nRuth Adeyemi\nOps Lead\n")
    hdr = rcv("ruth.adeyemi@example.com", "mail.example.com", "192.0.2.49", "4STjcQ7Zz6z9t9w",
              "Tue, 14 Nov 2023 11:52:40 +0100 (CET)") + [
        ("From", "Ruth Adeyemi <ruth.adeyemi@example.com>"),
        ("To", "support@example.net"),
        ("Subject", "Two more agent seats"),
        ("Date", "Tue, 14 Nov 2023 11:52:38 +0100"),
        ("Message-ID", "<r49.1699959158@mail.example.com>"),
        ("Auto-Submitted", "no"),
        ("X-Mailer", "Evolution 3.50.1")]
    add("49-auto-submitted-no.eml", simple_text(hdr, text, "us-ascii", "7bit"),
        "'Auto-Submitted: no' is the explicit marker of a HUMAN message: the mere presence of the header must NOT set AUTO_SUBMITTED.",
        "r49.1699959158@mail.example.com", "ruth.adeyemi@example.com", "Ruth Adeyemi", "Two more agent seats",
        textContains=["please add two more agent seats"], flags=[])


def m50():
    text = "I am currently out of the office with no access to email. I will be back on 21 November.\n\nMateo Silva\n"
    hdr = rcv("mateo.silva@example.net", "mail.example.net", "203.0.113.50", "4STjdR8Aa7z9ta6",
              "Tue, 14 Nov 2023 12:00:09 +0100 (CET)") + [
        ("From", "Mateo Silva <mateo.silva@example.net>"),
        ("To", "support@example.net"),
        ("Subject", "Out of office: [Ticket #48244] Callback request"),
        ("Date", "Tue, 14 Nov 2023 12:00:07 +0100"),
        ("Message-ID", "<autoreply.1699959607.50@mail.example.net>"),
        ("X-Autoreply", "yes")]
    add("50-x-autoreply.eml", simple_text(hdr, text, "us-ascii", "7bit"),
        "Out-of-office marked only by the non-standard 'X-Autoreply: yes' header (no Auto-Submitted, no In-Reply-To).",
        "autoreply.1699959607.50@mail.example.net", "mateo.silva@example.net", "Mateo Silva",
        "Out of office: [Ticket #48244] Callback request",
        textContains=["I am currently out of the office"], flags=["AUTO_SUBMITTED"])


def m51():
    text = "Vielen Dank für Ihre Nachricht. Ich bin ab dem 20.11. wieder erreichbar.\n\nMfG\nPetra Lorenz\n"
    hdr = rcv("petra.lorenz@example.com", "mail.example.com", "192.0.2.51", "4STjeS9Bb8z9tag",
              "Tue, 14 Nov 2023 12:03:31 +0100 (CET)") + [
        ("From", "Petra Lorenz <petra.lorenz@example.com>"),
        ("To", "support@example.net"),
        ("Subject", ewq("Abwesenheitsnotiz: Ihre Anfrage", "UTF-8")),
        ("Date", "Tue, 14 Nov 2023 12:03:29 +0100"),
        ("Message-ID", "<vac.51.1699959809@mail.example.com>"),
        ("X-Autorespond", "Abwesenheitsnotiz")]
    add("51-x-autorespond.eml", simple_text(hdr, text, "UTF-8", "quoted-printable"),
        "Absence notice marked only by the non-standard 'X-Autorespond' header (any value).",
        "vac.51.1699959809@mail.example.com", "petra.lorenz@example.com", "Petra Lorenz", "Abwesenheitsnotiz: Ihre Anfrage",
        textContains=["Ich bin ab dem 20.11. wieder erreichbar."], flags=["AUTO_SUBMITTED"])


def m52():
    text = ("Hello,\n\nyour order 80412 has shipped with DHL. Tracking number: 00340434161094042557.\n"
            "Expected delivery: Thursday, 16 November.\n\nThis is an automated message, please do not reply.\n")
    hdr = rcv("bounce-80412@shop.example.org", "shop.example.org", "198.51.100.52", "4STjfT0Cc9z9taq",
              "Tue, 14 Nov 2023 12:10:55 +0100 (CET)") + [
        ("From", "Shop Notifications <noreply@shop.example.org>"),
        ("To", "support@example.net"),
        ("Subject", "Your order 80412 has shipped"),
        ("Date", "Tue, 14 Nov 2023 12:10:53 +0100"),
        ("Message-ID", "<order-80412-shipped@shop.example.org>"),
        ("Precedence", "bulk")]
    add("52-precedence-bulk.eml", simple_text(hdr, text, "us-ascii", "7bit"),
        "Shop notification marked only by 'Precedence: bulk'.",
        "order-80412-shipped@shop.example.org", "noreply@shop.example.org", "Shop Notifications", "Your order 80412 has shipped",
        textContains=["your order 80412 has shipped with DHL"], flags=["AUTO_SUBMITTED"])


def m53():
    text = ("Hi all,\n\nsince upgrading to Dovecot 2.3.21 our Omnihub inbox poller logs 'IDLE timed out' every 29 minutes.\n"
            "Is anybody else seeing this?\n\nKai\n")
    footer = ("_______________________________________________\nomnihub-users mailing list -- omnihub-users@lists.example.org\n"
              "To unsubscribe send an email to omnihub-users-leave@lists.example.org\n")
    hdr = [("Return-Path", "<omnihub-users-bounces+support=example.net@lists.example.org>"),
           ("Delivered-To", "support@example.net"),
           ("Received", "from lists.example.org (lists.example.org [198.51.100.53])\n\tby mx.example.net (Postfix) with ESMTPS id 4STjgV1Dd0z9tb0\n\tfor <support@example.net>; Tue, 14 Nov 2023 12:20:18 +0100 (CET)"),
           ("From", "Kai Nakamura <kai.nakamura@example.org>"),
           ("To", "omnihub-users@lists.example.org"),
           ("Subject", "[omnihub-users] IMAP IDLE timeouts with Dovecot"),
           ("Date", "Tue, 14 Nov 2023 20:20:12 +0900"),
           ("Message-ID", "<87h6lqz3xk.fsf@kai-laptop.example.org>"),
           ("Message-ID-Hash", "Q3XK7ZJ2M4N5P6R7S8T9U0V1W2X3Y4Z5"),
           ("X-Message-ID-Hash", "Q3XK7ZJ2M4N5P6R7S8T9U0V1W2X3Y4Z5"),
           ("X-Mailman-Version", "3.3.8"),
           ("Precedence", "list"),
           ("List-Id", '"Omnihub users" <omnihub-users.lists.example.org>'),
           ("Archived-At", "<https://lists.example.org/archives/list/omnihub-users@lists.example.org/message/Q3XK7ZJ2M4N5P6R7S8T9U0V1W2X3Y4Z5/>"),
           ("List-Archive", "<https://lists.example.org/archives/list/omnihub-users@lists.example.org/>"),
           ("List-Help", "<mailto:omnihub-users-request@lists.example.org?subject=help>"),
           ("List-Owner", "<mailto:omnihub-users-owner@lists.example.org>"),
           ("List-Post", "<mailto:omnihub-users@lists.example.org>"),
           ("List-Subscribe", "<mailto:omnihub-users-join@lists.example.org>"),
           ("List-Unsubscribe", "<mailto:omnihub-users-leave@lists.example.org>")]
    add("53-precedence-list.eml", simple_text(hdr, text + footer, "us-ascii", "7bit"),
        "Mailman 3 list mail: 'Precedence: list' plus List-* headers; From is the human poster but the message comes via a list (never auto-answer).",
        "87h6lqz3xk.fsf@kai-laptop.example.org", "kai.nakamura@example.org", "Kai Nakamura",
        "[omnihub-users] IMAP IDLE timeouts with Dovecot",
        textContains=["logs 'IDLE timed out' every 29 minutes"], flags=["AUTO_SUBMITTED"])


def m54():
    text = ("Nur heute: 70 % Rabatt auf alle Headsets!\nJetzt zugreifen: https://promo.example.net/deal?id=54\n\n"
            "Sie erhalten diese E-Mail, weil Sie sich angemeldet haben.\n")
    hdr = rcv("deals@promo.example.net", "promo.example.net", "203.0.113.54", "4STjhW2Ee1z9tba",
              "Tue, 14 Nov 2023 12:30:44 +0100 (CET)") + [
        ("From", "Deals <deals@promo.example.net>"),
        ("To", "support@example.net"),
        ("Subject", ewq("Exklusiv für Sie: 70 % Rabatt", "UTF-8")),
        ("Date", "Tue, 14 Nov 2023 12:30:42 +0100"),
        ("Message-ID", "<promo54.1699961442@promo.example.net>"),
        ("Precedence", "junk")]
    add("54-precedence-junk.eml", simple_text(hdr, text, "UTF-8", "quoted-printable"),
        "Promotional mail marked 'Precedence: junk' (machine mail -> AUTO_SUBMITTED; SPAM is reserved for the hub's own spam traps).",
        "promo54.1699961442@promo.example.net", "deals@promo.example.net", "Deals", "Exklusiv für Sie: 70 % Rabatt",
        textContains=["Nur heute: 70 % Rabatt auf alle Headsets!"], flags=["AUTO_SUBMITTED"])


def m55():
    alt = "_000_DU2PR09MB7777AABBCCDDEEFF00112233445566DU2PR09MB7777eurp_"
    irt = "ticket-48241-out-1699953600.1@support.example.net"
    text = ("Thank you for your message. I am out of the office until 20 November with limited access to email.\n"
            "For urgent matters please contact purchasing@example.org.\n\nMarkus Schmidt\n")
    html = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=us-ascii"></head><body><div>'
            '<p>Thank you for your message. I am out of the office until 20 November with limited access to email.</p>'
            '<p>For urgent matters please contact purchasing@example.org.</p><p>Markus Schmidt</p></div></body></html>\n')
    body = mp(alt, [
        part([("Content-Type", 'text/plain; charset="us-ascii"'), ("Content-Transfer-Encoding", "quoted-printable")], qp(text.encode())),
        part([("Content-Type", 'text/html; charset="us-ascii"'), ("Content-Transfer-Encoding", "quoted-printable")], qp(html.encode())),
    ])
    hdr = [("Received", "from DU2PR09MB7777.eurprd09.prod.example.org ([fe80::9:8:7:6]) by\n DU2PR09MB7777.eurprd09.prod.example.org with mapi id 15.20.7002.015; Tue, 14 Nov 2023 11:41:00 +0000"),
           ("From", '"Schmidt, Markus" <m.schmidt@example.org>'),
           ("To", "Omnihub Support <support@example.net>"),
           ("Subject", "Automatic reply: [Ticket #48241] Your quote Q-2291"),
           ("Thread-Topic", "[Ticket #48241] Your quote Q-2291"),
           ("Thread-Index", "AQHaFwB1l7m3oQ9nUkmZ0b0v1x2y3w=="),
           ("Date", "Tue, 14 Nov 2023 11:41:00 +0000"),
           ("Message-ID", "<3c7d9e1f2a4b4c5d8e9f0a1b2c3d4e5f@DU2PR09MB7777.eurprd09.prod.example.org>"),
           ("References", "<%s>" % irt),
           ("In-Reply-To", "<%s>" % irt),
           ("X-MS-Has-Attach", ""),
           ("X-Auto-Response-Suppress", "All"),
           ("X-MS-Exchange-Inbox-Rules-Loop", "m.schmidt@example.org"),
           ("X-MS-TNEF-Correlator", ""),
           ("Content-Type", 'multipart/alternative;\n\tboundary="%s"' % alt),
           ("MIME-Version", "1.0")]
    add("55-outlook-out-of-office.eml", message(hdr, body),
        "Exchange out-of-office reply recognisable only by 'X-Auto-Response-Suppress: All' (plus the 'Automatic reply:' subject); no Auto-Submitted header.",
        "3c7d9e1f2a4b4c5d8e9f0a1b2c3d4e5f@DU2PR09MB7777.eurprd09.prod.example.org", "m.schmidt@example.org", "Schmidt, Markus",
        "Automatic reply: [Ticket #48241] Your quote Q-2291",
        textContains=["I am out of the office until 20 November"],
        htmlContains=["out of the office until 20 November"], hasHtml=True,
        flags=["AUTO_SUBMITTED"], inReplyTo=irt, references=[irt], threadIndex=True)


def m56():
    alt = "_----------=_MCPart_1180455236"
    text = ("Example Cloud News - November 2023\n\n* New: native Zendesk and Freshdesk importers\n* Webinar on 28 November: scaling your contact center\n\n"
            "Unsubscribe: https://mail.example.org/unsubscribe?u=a1b2c3&id=d4e5f6\n")
    html = ('<!doctype html><html><head><meta charset="UTF-8"><title>November update</title>'
            '<style type="text/css">.hdr{font-size:24px}</style></head><body><table width="100%"><tr><td class="hdr">Example Cloud News - November 2023</td></tr>'
            '<tr><td><ul><li>New: native Zendesk and Freshdesk importers</li><li>Webinar on 28 November: scaling your contact center</li></ul></td></tr>'
            '<tr><td><a href="https://mail.example.org/unsubscribe?u=a1b2c3&amp;id=d4e5f6">Unsubscribe</a></td></tr></table>'
            '<img src="https://mail.example.org/track/open.php?u=a1b2c3&amp;id=d4e5f6&amp;e=7g8h9i" height="1" width="1" alt=""></body></html>\n')
    body = mp(alt, [
        part([("Content-Type", 'text/plain; charset="utf-8"'), ("Content-Transfer-Encoding", "quoted-printable")], qp(text.encode())),
        part([("Content-Type", 'text/html; charset="utf-8"'), ("Content-Transfer-Encoding", "quoted-printable")], qp(html.encode())),
    ])
    hdr = rcv("bounce-mc.us21_123456.54321-support=example.net@mail.example.org", "mail190.example.org", "198.51.100.190",
              "4STjjX3Ff2z9tbk", "Tue, 14 Nov 2023 13:00:21 +0100 (CET)") + [
        ("Subject", "November update: new integrations and a webinar"),
        ("From", "Example Cloud News <news@mail.example.org>"),
        ("Reply-To", "Example Cloud News <news@example.org>"),
        ("To", "<support@example.net>"),
        ("Date", "Tue, 14 Nov 2023 12:00:19 +0000"),
        ("List-Unsubscribe", "<https://mail.example.org/unsubscribe?u=a1b2c3&id=d4e5f6>, <mailto:unsubscribe-a1b2c3@mail.example.org?subject=unsubscribe>"),
        ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
        ("List-Id", "a1b2c3d4e5f6g7h8i9j0k1l mc list <a1b2c3d4e5f6g7h8i9j0k1l.123456.list-id.mail.example.org>"),
        ("X-Campaign", "mailchimpa1b2c3d4e5f6.7g8h9i"),
        ("Feedback-ID", "123456:123456.54321:us21:mc"),
        ("Message-ID", "<a1b2c3d4e5f6g7h8.7g8h9i.20231114120019.1180455236@mail.example.org>"),
        ("X-Mailer", "Mailchimp Mailer - **CIDa1b2c3d4e5f6g7h8**"),
        ("MIME-Version", "1.0"),
        ("Content-Type", 'multipart/alternative; boundary="%s"' % alt)]
    add("56-list-id-newsletter.eml", message(hdr, body),
        "Newsletter identified by List-Id / List-Unsubscribe (RFC 8058 one-click) but no Precedence or Auto-Submitted header; html has a tracking pixel.",
        "a1b2c3d4e5f6g7h8.7g8h9i.20231114120019.1180455236@mail.example.org", "news@mail.example.org", "Example Cloud News",
        "November update: new integrations and a webinar",
        textContains=["New: native Zendesk and Freshdesk importers"],
        htmlContains=["track/open.php?u=a1b2c3", "<td class=\"hdr\">"], hasHtml=True, flags=["AUTO_SUBMITTED"])


def m57():
    text = ("Hello,\n\nthe password of your portal account was changed on 14 Nov 2023 at 13:05 CET.\n"
            "If this was not you, contact your administrator immediately.\n")
    hdr = [("Return-Path", "<>"),
           ("Delivered-To", "support@example.net"),
           ("Received", "from portal.example.com (portal.example.com [192.0.2.57])\n\tby mx.example.net (Postfix) with ESMTPS id 4STjkY4Gg3z9tbu\n\tfor <support@example.net>; Tue, 14 Nov 2023 13:05:12 +0100 (CET)"),
           ("From", "Customer Portal <portal@example.com>"),
           ("To", "support@example.net"),
           ("Subject", "Your portal password was changed"),
           ("Date", "Tue, 14 Nov 2023 13:05:10 +0100"),
           ("Message-ID", "<pwchange.57.1699963510@portal.example.com>")]
    add("57-null-return-path.eml", simple_text(hdr, text, "us-ascii", "7bit"),
        "System notification whose only machine marker is the null envelope sender 'Return-Path: <>' (RFC 3834: replies must never go to it).",
        "pwchange.57.1699963510@portal.example.com", "portal@example.com", "Customer Portal", "Your portal password was changed",
        textContains=["the password of your portal account was changed"], flags=["AUTO_SUBMITTED"])


# --------------------------------------------------------------------------------------------
# 58-62 bounces / delivery reports
# --------------------------------------------------------------------------------------------

def original(mid, to, subj, text, date="Tue, 14 Nov 2023 13:20:00 +0100"):
    return message([
        ("Return-Path", "<support@example.net>"),
        ("Received", "from hub.example.net (hub.example.net [203.0.113.2])\n\tby mx.example.net (Postfix) with ESMTPS id 4STjm0000000z9tc0\n\t; %s" % date),
        ("Message-ID", "<%s>" % mid),
        ("Date", date),
        ("From", SUPPORT),
        ("To", to),
        ("Subject", subj),
        ("MIME-Version", "1.0"),
        ("Content-Type", "text/plain; charset=UTF-8"),
        ("Content-Transfer-Encoding", "7bit")], text)


def m58():
    b = "4STjmZ5Hh4z9tc4.1699964405/mx.example.net"
    note = T("""
        This is the mail system at host mx.example.net.

        I'm sorry to have to inform you that your message could not
        be delivered to one or more recipients. It's attached below.

        For further assistance, please send mail to postmaster.

        If you do so, please include this problem report. You can
        delete your own text from the attached returned message.

                           The mail system

        <Gone@Example.org>: host mx.example.org[198.51.100.58] said: 550 5.1.1
            <Gone@Example.org>: Recipient address rejected: User unknown in virtual
            mailbox table (in reply to RCPT TO command)

        <nobody@example.net>: host mx2.example.net[203.0.113.58] said: 550 5.1.1
            <nobody@example.net>... User unknown (in reply to RCPT TO command)
        """).encode()
    ds = T("""
        Reporting-MTA: dns; mx.example.net
        X-Postfix-Queue-ID: 4STjmZ5Hh4z9tc4
        X-Postfix-Sender: rfc822; support@example.net
        Arrival-Date: Tue, 14 Nov 2023 13:20:03 +0100 (CET)

        Final-Recipient: rfc822; Gone@Example.org
        Original-Recipient: rfc822;Gone@Example.org
        Action: failed
        Status: 5.1.1
        Remote-MTA: dns; mx.example.org
        Diagnostic-Code: smtp; 550 5.1.1 <Gone@Example.org>: Recipient address
            rejected: User unknown in virtual mailbox table

        Final-Recipient: rfc822; nobody@example.net
        Original-Recipient: rfc822;nobody@example.net
        Action: failed
        Status: 5.1.1
        Remote-MTA: dns; mx2.example.net
        Diagnostic-Code: smtp; 550 5.1.1 <nobody@example.net>... User unknown
        """).encode()
    orig = original("ticket-48250-out-1699964400.1@support.example.net", "Gone@Example.org, nobody@example.net",
                    "[Ticket #48250] Your request", "Hello,\n\nwe received your request and will get back to you within 24 hours.\n\nOmnihub Support\n")
    body = mp(b, [
        part([("Content-Description", "Notification"), ("Content-Type", "text/plain; charset=utf-8"), ("Content-Transfer-Encoding", "8bit")], note),
        part([("Content-Description", "Delivery report"), ("Content-Type", "message/delivery-status")], ds),
        part([("Content-Description", "Undelivered Message"), ("Content-Type", "message/rfc822"), ("Content-Transfer-Encoding", "8bit")], orig),
    ], preamble="This is a MIME-encapsulated message.\n")
    hdr = [("Return-Path", "<>"),
           ("Delivered-To", "support@example.net"),
           ("Received", "by mx.example.net (Postfix)\n\tid 4STjmZ5Hh4z9tc4; Tue, 14 Nov 2023 13:20:05 +0100 (CET)"),
           ("Date", "Tue, 14 Nov 2023 13:20:05 +0100 (CET)"),
           ("From", "MAILER-DAEMON@mx.example.net (Mail Delivery System)"),
           ("Subject", "Undelivered Mail Returned to Sender"),
           ("To", "support@example.net"),
           ("Auto-Submitted", "auto-replied"),
           ("MIME-Version", "1.0"),
           ("Content-Type", 'multipart/report; report-type=delivery-status;\n\tboundary="%s"' % b),
           ("Content-Transfer-Encoding", "8bit"),
           ("Message-Id", "<20231114122005.4STjmZ5Hh4z9tc4@mx.example.net>")]
    add("58-bounce-postfix-dsn.eml", message(hdr, body),
        "Postfix RFC 3464 DSN: multipart/report with two 'Action: failed / Status: 5.1.1' recipients (one in mixed case -> lower-case), original as message/rfc822 (kept as attachment; the message/delivery-status part is read for the recipients, not kept as an attachment); From's display name only as an RFC 5322 comment '(Mail Delivery System)'; boundary contains '/'.",
        "20231114122005.4STjmZ5Hh4z9tc4@mx.example.net", "mailer-daemon@mx.example.net", "Mail Delivery System",
        "Undelivered Mail Returned to Sender",
        textContains=["your message could not", "User unknown in virtual"],
        textExcludes=["we received your request and will get back to you", "X-Postfix-Queue-ID"],
        attachments=[A(None, "message/rfc822", wire_len(orig))],
        flags=["AUTO_SUBMITTED", "BOUNCE"], bounceRecipients=["gone@example.org", "nobody@example.net"])


def m59():
    text = T("""
        This message was created automatically by mail delivery software.

        A message that you sent could not be delivered to one or more of its
        recipients. This is a permanent error. The following address(es) failed:

          gone.too@example.org
            host mx.example.org [198.51.100.59]
            SMTP error from remote mail server after RCPT TO:<gone.too@example.org>:
            550 5.1.1 <gone.too@example.org>: Recipient address rejected: User unknown

        ------ This is a copy of the message, including all the headers. ------

        Return-path: <support@example.net>
        Received: from hub.example.net ([203.0.113.2])
        	by mx.example.org with esmtps (TLS1.3) tls TLS_AES_256_GCM_SHA384
        	(Exim 4.96)
        	(envelope-from <support@example.net>)
        	id 1r2tUv-0004Xw-1A
        	for gone.too@example.org; Tue, 14 Nov 2023 13:31:06 +0100
        Message-ID: <ticket-48251-out-1699965060.1@support.example.net>
        Date: Tue, 14 Nov 2023 13:31:00 +0100
        From: Omnihub Support <support@example.net>
        To: gone.too@example.org
        Subject: [Ticket #48251] Your invoice

        Dear customer, please find your invoice INV-2023-1101 in the customer portal.
        """)
    hdr = [("Return-path", "<>"),
           ("Envelope-to", "support@example.net"),
           ("Delivery-date", "Tue, 14 Nov 2023 13:31:07 +0100"),
           ("Received", "from Debian-exim by mx.example.org with local (Exim 4.96)\n\tid 1r2tUv-0004Xy-2B\n\tfor support@example.net; Tue, 14 Nov 2023 13:31:07 +0100"),
           ("X-Failed-Recipients", "gone.too@example.org"),
           ("Auto-Submitted", "auto-replied"),
           ("From", "Mail Delivery System <Mailer-Daemon@mx.example.org>"),
           ("To", "support@example.net"),
           ("References", "<ticket-48251-out-1699965060.1@support.example.net>"),
           ("Content-Type", "text/plain; charset=us-ascii"),
           ("Subject", "Mail delivery failed: returning message to sender"),
           ("Message-Id", "<E1r2tUv-0004Xy-2B@mx.example.org>"),
           ("Date", "Tue, 14 Nov 2023 13:31:07 +0100")]
    add("59-bounce-exim.eml", message(hdr, text),
        "Exim bounce: plain text/plain (no multipart/report), failed address in X-Failed-Recipients and in the indented body list; References points at the bounced message; the copied original headers sit in the body text.",
        "E1r2tUv-0004Xy-2B@mx.example.org", "mailer-daemon@mx.example.org", "Mail Delivery System",
        "Mail delivery failed: returning message to sender",
        textContains=["This is a permanent error. The following address(es) failed:", "gone.too@example.org"],
        flags=["AUTO_SUBMITTED", "BOUNCE"], bounceRecipients=["gone.too@example.org"],
        references=["ticket-48251-out-1699965060.1@support.example.net"])


def m60():
    b, alt = "5a0b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d", "c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f"
    irt = "ticket-48252-out-1699965600.1@support.example.net"
    text = T("""
        Your message to henrik.berg@example.org couldn't be delivered.
        henrik.berg wasn't found at example.org.

        Omnihub Support     Office 365     henrik.berg
        Action Required                    Recipient

        Unknown To address

        How to Fix It
        The address may be misspelled or may not exist. Try one or more of the following:
        - Retype the recipient's address, then resend the message.

        More Info for Email Admins
        Status code: 550 5.1.10

        Original Message Details
        Created Date: 14/11/2023 12:40:30
        Sender Address: support@example.net
        Recipient Address: henrik.berg@example.org
        Subject: [Ticket #48252] Your quote Q-2291

        Error Details
        Error: 550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient henrik.berg@example.org not found by SMTP address lookup
        Message rejected by: DB8PR06MB6666.eurprd06.prod.example.org
        """)
    html = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=us-ascii"></head><body>'
            '<p style="font-size:16px">Your message to <a href="mailto:henrik.berg@example.org">henrik.berg@example.org</a> couldn\'t be delivered.</p>'
            '<p><b>henrik.berg</b> wasn\'t found at <b>example.org</b>.</p><table><tr><td>Status code: 550 5.1.10</td></tr></table></body></html>\n')
    altbody = mp(alt, [
        part([("Content-Type", 'text/plain; charset="us-ascii"'), ("Content-Transfer-Encoding", "quoted-printable")], qp(text.encode())),
        part([("Content-Type", 'text/html; charset="us-ascii"'), ("Content-Transfer-Encoding", "quoted-printable")], qp(html.encode())),
    ])
    ds = T("""
        Reporting-MTA: dns;DB8PR06MB6666.eurprd06.prod.example.org
        Received-From-MTA: dns;hub.example.net
        Arrival-Date: Tue, 14 Nov 2023 12:40:31 +0000

        Final-Recipient: rfc822;henrik.berg@example.org
        Action: failed
        Status: 5.1.10
        Diagnostic-Code: smtp;550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient henrik.berg@example.org not found by SMTP address lookup
        """).encode()
    orig = original(irt, "henrik.berg@example.org", "[Ticket #48252] Your quote Q-2291",
                    "Dear Henrik,\n\nattached is your quote Q-2291.\n\nOmnihub Support\n", "Tue, 14 Nov 2023 13:40:30 +0100")
    body = mp(b, [
        part([("Content-Type", 'multipart/alternative; differences=Content-Type;\n\tboundary="%s"' % alt)], b"\n" + altbody),
        part([("Content-Type", "message/delivery-status")], ds),
        part([("Content-Type", "message/rfc822")], orig),
    ])
    hdr = [("Return-Path", "<>"),
           ("Received", "from DB8PR06MB6666.eurprd06.prod.example.org (2603:10a6:10:abc::12) by\n mx.example.net with HTTPS; Tue, 14 Nov 2023 12:40:33 +0000"),
           ("From", "Microsoft Outlook\n\t<MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@example.org>"),
           ("To", "<support@example.net>"),
           ("Date", "Tue, 14 Nov 2023 12:40:33 +0000"),
           ("Content-Type", 'multipart/report; report-type=delivery-status;\n\tboundary="%s"' % b),
           ("X-MS-Exchange-Message-Is-Ndr", ""),
           ("Content-Language", "en-US"),
           ("Message-ID", "<0a1b2c3d-4e5f-4a6b-9c7d-8e9f0a1b2c3d@DB8PR06MB6666.eurprd06.prod.example.org>"),
           ("In-Reply-To", "<%s>" % irt),
           ("References", "<%s>" % irt),
           ("Thread-Topic", "[Ticket #48252] Your quote Q-2291"),
           ("Thread-Index", "AQHaFxxbq5k6m3YpL0Cb9mQy8N5hwQ=="),
           ("Subject", "Undeliverable: [Ticket #48252] Your quote Q-2291"),
           ("Auto-Submitted", "auto-replied"),
           ("MIME-Version", "1.0")]
    add("60-bounce-exchange-ndr.eml", message(hdr, body),
        "Exchange Online NDR: multipart/report whose human part is multipart/alternative (text+html), Status 5.1.10 (three-digit detail), original as message/rfc822 (the only kept attachment; delivery-status is report data); NDRs also carry In-Reply-To/References/Thread-Index of the bounced mail; sender's display name folded onto the next line.",
        "0a1b2c3d-4e5f-4a6b-9c7d-8e9f0a1b2c3d@DB8PR06MB6666.eurprd06.prod.example.org",
        "microsoftexchange329e71ec88ae4615bbc36ab6ce41109e@example.org", "Microsoft Outlook",
        "Undeliverable: [Ticket #48252] Your quote Q-2291",
        textContains=["Your message to henrik.berg@example.org couldn't be delivered."],
        textExcludes=["attached is your quote Q-2291"],
        htmlContains=["couldn't be delivered."], hasHtml=True,
        attachments=[A(None, "message/rfc822", wire_len(orig))],
        flags=["AUTO_SUBMITTED", "BOUNCE"], bounceRecipients=["henrik.berg@example.org"],
        inReplyTo=irt, references=[irt], threadIndex=True)


def m61():
    b = "4STjnb6Jj5z9tce.1699979100/mx.example.net"
    note = T("""
        This is the mail system at host mx.example.net.

        ####################################################################
        # THIS IS A WARNING ONLY.  YOU DO NOT NEED TO RESEND YOUR MESSAGE. #
        ####################################################################

        Your message could not be delivered for more than 4 hour(s).
        It will be retried until it is 5 day(s) old.

        For further assistance, please send mail to postmaster.

                           The mail system

        <slow@example.org>: connect to mx.example.org[198.51.100.61]:25: Connection
            timed out
        """).encode()
    ds = T("""
        Reporting-MTA: dns; mx.example.net
        X-Postfix-Queue-ID: 4STjnb6Jj5z9tce
        X-Postfix-Sender: rfc822; support@example.net
        Arrival-Date: Tue, 14 Nov 2023 13:45:00 +0100 (CET)

        Final-Recipient: rfc822; slow@example.org
        Original-Recipient: rfc822;slow@example.org
        Action: delayed
        Status: 4.4.1
        Diagnostic-Code: X-Postfix; connect to mx.example.org[198.51.100.61]:25:
            Connection timed out
        Will-Retry-Until: Sun, 19 Nov 2023 13:45:00 +0100 (CET)
        """).encode()
    hdrs = T("""
        Return-Path: <support@example.net>
        Received: from hub.example.net (hub.example.net [203.0.113.2])
        	by mx.example.net (Postfix) with ESMTPS id 4STjnb6Jj5z9tce
        	for <slow@example.org>; Tue, 14 Nov 2023 13:45:00 +0100 (CET)
        Message-ID: <ticket-48254-out-1699965900.1@support.example.net>
        Date: Tue, 14 Nov 2023 13:45:00 +0100
        From: Omnihub Support <support@example.net>
        To: slow@example.org
        Subject: [Ticket #48254] Your delivery date
        """).encode()
    body = mp(b, [
        part([("Content-Description", "Notification"), ("Content-Type", "text/plain; charset=us-ascii")], note),
        part([("Content-Description", "Delivery report"), ("Content-Type", "message/delivery-status")], ds),
        part([("Content-Description", "Undelivered Message Headers"), ("Content-Type", "text/rfc822-headers")], hdrs),
    ], preamble="This is a MIME-encapsulated message.\n")
    hdr = [("Return-Path", "<>"),
           ("Delivered-To", "support@example.net"),
           ("Received", "by mx.example.net (Postfix)\n\tid 4STjnb6Jj5z9tce; Tue, 14 Nov 2023 17:45:00 +0100 (CET)"),
           ("Date", "Tue, 14 Nov 2023 17:45:00 +0100 (CET)"),
           ("From", "MAILER-DAEMON@mx.example.net (Mail Delivery System)"),
           ("Subject", "Delayed Mail (still being retried)"),
           ("To", "support@example.net"),
           ("Auto-Submitted", "auto-replied"),
           ("MIME-Version", "1.0"),
           ("Content-Type", 'multipart/report; report-type=delivery-status;\n\tboundary="%s"' % b),
           ("Content-Transfer-Encoding", "8bit"),
           ("Message-Id", "<20231114164500.4STjnb6Jj5z9tce@mx.example.net>")]
    add("61-dsn-delayed.eml", message(hdr, body),
        "Postfix delay warning: a real multipart/report DSN but 'Action: delayed' / Status 4.4.1 - NOT a bounce (no BOUNCE flag, no bounce recipients), still machine mail; original only as text/rfc822-headers (kept as attachment; the delivery-status part is report data, not an attachment).",
        "20231114164500.4STjnb6Jj5z9tce@mx.example.net", "mailer-daemon@mx.example.net", "Mail Delivery System",
        "Delayed Mail (still being retried)",
        textContains=["THIS IS A WARNING ONLY", "Your message could not be delivered for more than 4 hour(s)."],
        textExcludes=["Will-Retry-Until"],
        attachments=[A(None, "text/rfc822-headers", wire_len(hdrs))],
        flags=["AUTO_SUBMITTED"], bounceRecipients=[])


def m62():
    text = T("""
        Hi. This is the qmail-send program at mail.example.net.
        I'm afraid I wasn't able to deliver your message to the following addresses.
        This is a permanent error; I've given up. Sorry it didn't work out.

        <former.customer@example.org>:
        198.51.100.62 does not like recipient.
        Remote host said: 550 5.1.1 <former.customer@example.org>... User unknown
        Giving up on 198.51.100.62.

        --- Below this line is a copy of the message.

        Return-Path: <support@example.net>
        Received: (qmail 12340 invoked by uid 89); 14 Nov 2023 12:50:00 -0000
        Message-ID: <ticket-48253-out-1699966200.1@support.example.net>
        From: Omnihub Support <support@example.net>
        To: former.customer@example.org
        Subject: [Ticket #48253] Satisfaction survey
        Date: Tue, 14 Nov 2023 13:50:00 +0100

        How did we do? Rate your support experience.
        """)
    hdr = [("Return-Path", "<>"),
           ("Delivered-To", "support@example.net"),
           ("Received", "(qmail 12345 invoked for bounce); 14 Nov 2023 12:50:01 -0000"),
           ("Date", "14 Nov 2023 12:50:01 -0000"),
           ("From", "MAILER-DAEMON@mail.example.net"),
           ("To", "support@example.net"),
           ("Subject", "failure notice")]
    add("62-bounce-qmail-plain.eml", message(hdr, text),
        "qmail 'failure notice': no MIME headers at all, no Message-ID, no report structure - only heuristics (MAILER-DAEMON sender + null Return-Path + 'permanent error' text + '<addr>:' lines before the copy marker) reveal the bounce; the copied original contains other addresses that are NOT failed recipients.",
        None, "mailer-daemon@mail.example.net", None, "failure notice",
        textContains=["This is a permanent error; I've given up.", "<former.customer@example.org>:"],
        flags=["AUTO_SUBMITTED", "BOUNCE"], bounceRecipients=["former.customer@example.org"])


# --------------------------------------------------------------------------------------------
# 63-74 broken or unusual MIME
# --------------------------------------------------------------------------------------------

def m63():
    b = "------------Zq8Yw7Xv6Ut5Sr4Qp3On2Ml1"
    pdfdata = pdf(["Mietvertrag 2023-0063", "Seite 1"], seed="63")
    body = mp(b, [
        part([("Content-Type", "text/plain; charset=UTF-8; format=flowed"), ("Content-Transfer-Encoding", "8bit")],
             "Hallo,\n\nanbei der unterschriebene Mietvertrag für die Geräte.\n\nGrüße\nFatma Yılmaz\n".encode("utf-8")),
        part([("Content-Type", 'application/pdf; name="Mietvertrag_unterschrieben.pdf"'),
              ("Content-Disposition", 'attachment; filename="Mietvertrag_unterschrieben.pdf"'),
              ("Content-Transfer-Encoding", "base64")], b64(pdfdata)),
    ], preamble="This is a multi-part message in MIME format.", close=False)
    hdr = rcv("fatma.yilmaz@example.com", "mail.example.com", "192.0.2.63", "4STjpc7Kk6z9tco",
              "Tue, 14 Nov 2023 14:02:11 +0100 (CET)") + [
        ("Content-Type", 'multipart/mixed; boundary="%s"' % b),
        ("Message-ID", "<c63a1b2c-3d4e-4f5a-9b6c-7d8e9f0a1b2c@example.com>"),
        ("Date", "Tue, 14 Nov 2023 14:02:09 +0100"),
        ("MIME-Version", "1.0"),
        ("User-Agent", "Mozilla Thunderbird"),
        ("To", "support@example.net"),
        ("From", ewq("Fatma Yılmaz", "UTF-8") + " <fatma.yilmaz@example.com>"),
        ("Subject", "Unterschriebener Mietvertrag")]
    add("63-missing-closing-boundary.eml", message(hdr, body),
        "multipart/mixed whose closing '--boundary--' line is missing (message ends after the last part): a lenient parser keeps all parts read so far, including the complete PDF.",
        "c63a1b2c-3d4e-4f5a-9b6c-7d8e9f0a1b2c@example.com", "fatma.yilmaz@example.com", "Fatma Yılmaz", "Unterschriebener Mietvertrag",
        textContains=["anbei der unterschriebene Mietvertrag für die Geräte."],
        attachments=[A("Mietvertrag_unterschrieben.pdf", "application/pdf", len(pdfdata))])


def m64():
    b = "Boundary_(ID_k3Jd8sL2mQ9pX1)"
    img = png(40, 20, "64")
    body = mp(b, [
        part([("Content-Type", "text/plain; charset=us-ascii"), ("Content-Transfer-Encoding", "7bit")],
             "Hello,\n\nthe nightly sync reported error SYNC-504 again. Screenshot attached.\n\nJon\n"),
        part([("Content-Type", 'image/png; name="sync-error.png"'), ("Content-Disposition", 'attachment; filename="sync-error.png"'),
              ("Content-Transfer-Encoding", "base64")], b64(img)),
    ])
    hdr = rcv("jon.eriksen@example.org", "relay.example.org", "198.51.100.64", "4STjqd8Ll7z9tcy",
              "Tue, 14 Nov 2023 14:10:31 +0100 (CET)") + [
        ("From", "Jon Eriksen <jon.eriksen@example.org>"),
        ("To", "support@example.net"),
        ("Subject", "Nightly sync error SYNC-504"),
        ("Date", "Tue, 14 Nov 2023 14:10:29 +0100"),
        ("Message-ID", "<legacynotifier.64.1699967429@relay.example.org>"),
        ("X-Mailer", "LegacyNotifier 0.9"),
        ("MIME-Version", "1.0"),
        ("Content-Type", "multipart/mixed")]
    add("64-missing-boundary-param.eml", message(hdr, body),
        "Content-Type: multipart/mixed WITHOUT a boundary parameter: the lenient reading (Jakarta Mail's default mail.mime.multipart.ignoremissingboundaryparameter=true) takes the first line starting with '--' as the boundary and recovers text and PNG; raw body must not be shown as text.",
        "legacynotifier.64.1699967429@relay.example.org", "jon.eriksen@example.org", "Jon Eriksen", "Nightly sync error SYNC-504",
        textContains=["the nightly sync reported error SYNC-504 again."],
        textExcludes=["Boundary_(ID_k3Jd8sL2mQ9pX1)", "iVBORw0KGgo"],
        attachments=[A("sync-error.png", "image/png", len(img))])


def m65():
    text = ("Hello,\n\nour invoice number is INV-77120, the amount of 1,280.00 EUR was paid twice by mistake.\n"
            "Please refund one payment to IBAN DE02 1203 0000 0000 2020 51.\n\nBest regards\nAmira Haddad\n")
    enc = b64(text.encode("utf-8")).decode().split("\n")
    junk = ["!", "*", "#", "$", "~", "%", "@", "^"]
    out = []
    for i, line in enumerate(enc):
        if line and i % 2 == 0:
            pos = 10 + (i * 7) % 50
            line = line[:pos] + junk[i % len(junk)] + junk[(i + 3) % len(junk)] + line[pos:]
        out.append(line)
        if i == 1:
            out.append("~~~~ !!!! ~~~~ $$$$ ****")
    body = "\n".join(out).encode()
    hdr = rcv("amira.haddad@example.com", "mail.example.com", "192.0.2.65", "4STjre9Mm8z9td8",
              "Tue, 14 Nov 2023 14:20:01 +0100 (CET)") + [
        ("From", "Amira Haddad <amira.haddad@example.com>"),
        ("To", "support@example.net"),
        ("Subject", "Duplicate payment INV-77120"),
        ("Date", "Tue, 14 Nov 2023 14:19:58 +0100"),
        ("Message-ID", "<e65.20231114141958@mail.example.com>"),
        ("MIME-Version", "1.0"),
        ("Content-Type", "text/plain; charset=utf-8"),
        ("Content-Transfer-Encoding", "base64")]
    add("65-invalid-base64.eml", message(hdr, body),
        "base64 body polluted with characters outside the base64 alphabet ('!', '*', '#', '~', spaces, a whole junk line of non-alphabet characters): a lenient decoder skips them (RFC 2045 says to ignore them) and recovers the exact text; must not throw.",
        "e65.20231114141958@mail.example.com", "amira.haddad@example.com", "Amira Haddad", "Duplicate payment INV-77120",
        textContains=["our invoice number is INV-77120, the amount of 1,280.00 EUR was paid twice by mistake.", "IBAN DE02 1203 0000 0000 2020 51", "Amira Haddad"],
        textExcludes=["\ufffd", "~~~~", "!!!!"])


def m66():
    b1, b2, b3, b4, b5 = ("==L1_mixed_66a1", "==L2_alt_66b2", "==L3_rel_66c3", "==L4_mixed_66d4", "==L5_alt_66e5")
    cid = "chart-66@gw.example.com"
    csv = "date;orders;returns\r\n2023-11-13;412;9\r\n2023-11-14;388;17\r\n".encode()
    img = png(30, 30, "66")
    pdfdata = pdf(["Monthly report November"], seed="66")
    text = "Hello,\n\nthe returns doubled yesterday (17 instead of 9). Figures and chart below.\n\nLeila Farouk\n"
    html = ('<html><body><p>Hello,</p><p>the returns doubled yesterday (<b>17</b> instead of 9). Figures and chart below.</p>'
            '<p><img src="cid:%s" alt="chart"></p><p>Leila Farouk</p></body></html>\n' % cid)
    l5 = mp(b5, [part([("Content-Type", "text/plain; charset=utf-8"), ("Content-Transfer-Encoding", "7bit")], text),
                 part([("Content-Type", "text/html; charset=utf-8"), ("Content-Transfer-Encoding", "7bit")], html)])
    l4 = mp(b4, [part([("Content-Type", 'multipart/alternative; boundary="%s"' % b5)], l5),
                 part([("Content-Type", 'text/csv; charset=utf-8; name="figures.csv"'), ("Content-Disposition", 'attachment; filename="figures.csv"'),
                       ("Content-Transfer-Encoding", "base64")], b64(csv))])
    l3 = mp(b3, [part([("Content-Type", 'multipart/mixed; boundary="%s"' % b4)], l4),
                 part([("Content-Type", 'image/png; name="chart.png"'), ("Content-Disposition", 'inline; filename="chart.png"'),
                       ("Content-ID", "<%s>" % cid), ("Content-Transfer-Encoding", "base64")], b64(img))])
    l2 = mp(b2, [part([("Content-Type", 'multipart/related; boundary="%s"' % b3)], l3)])
    l1 = mp(b1, [part([("Content-Type", 'multipart/alternative; boundary="%s"' % b2)], l2),
                 part([("Content-Type", 'application/pdf; name="report-november.pdf"'), ("Content-Disposition", 'attachment; filename="report-november.pdf"'),
                       ("Content-Transfer-Encoding", "base64")], b64(pdfdata))])
    hdr = rcv("leila.farouk@example.com", "gw.example.com", "192.0.2.66", "4STjsf0Nn9z9tdi",
              "Tue, 14 Nov 2023 14:31:45 +0100 (CET)") + [
        ("From", "Leila Farouk <leila.farouk@example.com>"),
        ("To", "support@example.net"),
        ("Subject", "Returns doubled yesterday"),
        ("Date", "Tue, 14 Nov 2023 14:31:42 +0100"),
        ("Message-ID", "<n66.1699968702@gw.example.com>"),
        ("X-Disclaimer-Gateway", "wrapped"),
        ("MIME-Version", "1.0"),
        ("Content-Type", 'multipart/mixed; boundary="%s"' % b1)]
    add("66-nested-5-levels.eml", message(hdr, l1),
        "Five nested multiparts (mixed > alternative > related > mixed > alternative) as produced by wrapping gateways; the body sits at level 5; attachments in document order: csv (level 4), inline cid image (level 3), pdf (level 1); boundaries start with '=='.",
        "n66.1699968702@gw.example.com", "leila.farouk@example.com", "Leila Farouk", "Returns doubled yesterday",
        textContains=["the returns doubled yesterday (17 instead of 9)."],
        htmlContains=['<img src="cid:%s"' % cid, "<b>17</b>"], hasHtml=True,
        attachments=[A("figures.csv", "text/csv", len(csv)), A("chart.png", "image/png", len(img), True, cid),
                     A("report-november.pdf", "application/pdf", len(pdfdata))])


def m67():
    text = "Please call me back at +1 212 555 0188 regarding ticket 7731. I am available after 3 pm EST.\n\nDerek\n"
    hdr = rcv("derek.walsh@example.net", "mail.example.net", "203.0.113.67", "4STjtg1Pp0z9tds",
              "Tue, 14 Nov 2023 14:40:22 +0100 (CET)") + [
        ("From", "Derek Walsh <derek.walsh@example.net>"),
        ("To", "support@example.net"),
        ("Subject", "Call back regarding ticket 7731"),
        ("Date", "Tue, 14 Nov 2023 08:40:20 -0500"),
        ("Message-ID", "<dw67.1699969220@mail.example.net>"),
        ("MIME-Version", "1.0"),
        ("Content-Type", "text/"),
        ("Content-Transfer-Encoding", "7bit")]
    add("67-content-type-garbage.eml", message(hdr, text),
        "Garbage 'Content-Type: text/' (no subtype): Jakarta's ContentType parser throws ParseException; a lenient parser falls back to text/plain (RFC 2045 default) and still extracts the text.",
        "dw67.1699969220@mail.example.net", "derek.walsh@example.net", "Derek Walsh", "Call back regarding ticket 7731",
        textContains=["Please call me back at +1 212 555 0188 regarding ticket 7731."])


def m68():
    subj = "Réclamation urgente – commande n°5521"
    text = "Bonjour,\n\nma commande n°5521 est arrivée cassée. Je souhaite un échange rapide.\n\nHélène Côté\n"
    hdr = rcv("helene.cote@example.org", "mail.example.org", "198.51.100.68", "4STjuh2Qq1z9te2",
              "Tue, 14 Nov 2023 14:50:14 +0100 (CET)") + [
        ("From", ("Hélène Côté <helene.cote@example.org>").encode("utf-8")),
        ("To", "support@example.net"),
        ("Subject", subj.encode("utf-8")),
        ("Date", "Tue, 14 Nov 2023 14:50:12 +0100"),
        ("Message-ID", "<hc68.1699969812@mail.example.org>"),
        ("MIME-Version", "1.0"),
        ("Content-Type", "text/plain; charset=utf-8"),
        ("Content-Transfer-Encoding", "8bit")]
    add("68-8bit-headers.eml", message(hdr, text.encode("utf-8")),
        "Raw (unencoded) UTF-8 bytes in Subject and in the From display name (RFC 6532 style / broken client): must be decoded as UTF-8, not ISO-8859-1 mojibake (Jakarta needs mail.mime.allowutf8=true or a UTF-8 re-decode).",
        "hc68.1699969812@mail.example.org", "helene.cote@example.org", "Hélène Côté", subj,
        textContains=["ma commande n°5521 est arrivée cassée."])


def m69():
    n = 0
    s = "Fehlerprotokoll Import: "
    while len(s) < 1990:
        n += 1
        s += "E%04d at node-%02d; " % (1000 + n, n % 17)
    subj = s.rstrip("; ").rstrip()
    assert len("Subject: " + subj) >= 2000, len(subj)
    data = "".join("k%03d=%s;" % (i, hashlib.md5(b"%d" % i).hexdigest()[:12]) for i in range(120))
    to = ", ".join("agent%02d@example.net" % i for i in range(1, 90))
    text = "Hallo,\n\nder Import ist mit vielen Fehlern abgebrochen, siehe Betreff.\n\nAndreas\n"
    hdr = rcv("andreas.kuhn@example.com", "mail.example.com", "192.0.2.69", "4STjvj3Rr2z9tec",
              "Tue, 14 Nov 2023 15:00:40 +0100 (CET)") + [
        ("From", "Andreas Kuhn <andreas.kuhn@example.com>"),
        ("To", "support@example.net, " + to),
        ("Subject", subj),
        ("X-Import-Trace", data),
        ("Date", "Tue, 14 Nov 2023 15:00:38 +0100"),
        ("Message-ID", "<ak69.1699970438@mail.example.com>")]
    add("69-long-header-lines.eml", simple_text(hdr, text, "UTF-8", "8bit"),
        "Unfolded header lines of about 2,000 characters (Subject, To with 90 recipients, an X- header) - beyond the RFC 5322 998-octet limit; must be read intact, not truncated or rejected.",
        "ak69.1699970438@mail.example.com", "andreas.kuhn@example.com", "Andreas Kuhn", subj,
        textContains=["der Import ist mit vielen Fehlern abgebrochen"])


def m70():
    hdr = rcv("ben.osei@example.com", "mail.example.com", "192.0.2.70", "4STjwk4Ss3z9tem",
              "Tue, 14 Nov 2023 15:05:02 +0100 (CET)") + [
        ("From", "Ben Osei <ben.osei@example.com>"),
        ("To", "support@example.net"),
        ("Subject", "Call me back re ticket 48260"),
        ("Date", "Tue, 14 Nov 2023 15:05:00 +0100"),
        ("Message-ID", "<bo70.1699970700@mail.example.com>"),
        ("MIME-Version", "1.0"),
        ("Content-Type", "text/plain; charset=us-ascii")]
    add("70-headers-only-no-body.eml", H(hdr) + b"\n",
        "Only a header block - no empty separator line and no body (everything is in the subject): empty text, no attachments, still a valid interaction (NOT unparseable).",
        "bo70.1699970700@mail.example.com", "ben.osei@example.com", "Ben Osei", "Call me back re ticket 48260")


def m71():
    b = "=_lfonly_71_a9b8c7d6"
    img = png(24, 24, "71")
    text = "Hi,\n\nthis mail was saved by a Unix tool with LF line endings only. Logo attached.\n\nGreta\n"
    body = mp(b, [
        part([("Content-Type", "text/plain; charset=utf-8"), ("Content-Transfer-Encoding", "quoted-printable")], qp(text.encode())),
        part([("Content-Type", 'image/png; name="logo.png"'), ("Content-Disposition", 'attachment; filename="logo.png"'),
              ("Content-Transfer-Encoding", "base64")], b64(img)),
    ])
    hdr = [("Return-Path", "<greta.holm@example.org>"),
           ("From", "Greta Holm <greta.holm@example.org>"),
           ("To", "support@example.net"),
           ("Subject", "Logo for the portal (LF line endings)"),
           ("Date", "Tue, 14 Nov 2023 15:10:11 +0100"),
           ("Message-ID", "<gh71.1699971011@example.org>"),
           ("MIME-Version", "1.0"),
           ("Content-Type", 'multipart/mixed; boundary="%s"' % b)]
    add("71-lf-only-line-endings.eml", message(hdr, body),
        "THIS FILE USES LF-ONLY LINE ENDINGS (as exported from mbox/maildir tools), not CRLF: headers, boundaries and QP/base64 decoding must still work.",
        "gh71.1699971011@example.org", "greta.holm@example.org", "Greta Holm", "Logo for the portal (LF line endings)",
        textContains=["this mail was saved by a Unix tool with LF line endings only."],
        attachments=[A("logo.png", "image/png", len(img))], eol="\n")


def m72():
    b = "------------E0mPtY0aTtAcHmEnT72xYz"
    body = mp(b, [
        part([("Content-Type", "text/plain; charset=UTF-8; format=flowed"), ("Content-Transfer-Encoding", "7bit")],
             "Hi,\n\nthe export produced an empty file again, see attachment (0 bytes).\n\nIgor\n"),
        part([("Content-Type", 'text/plain; charset=UTF-8; name="export.csv"'), ("Content-Disposition", 'attachment; filename="export.csv"'),
              ("Content-Transfer-Encoding", "base64")], b""),
        part([("Content-Type", 'application/octet-stream; name="export.log"'), ("Content-Disposition", 'attachment; filename="export.log"'),
              ("Content-Transfer-Encoding", "7bit")], b""),
    ], preamble="This is a multi-part message in MIME format.")
    hdr = rcv("igor.novak@example.com", "mail.example.com", "192.0.2.72", "4STjxm5Tt4z9tew",
              "Tue, 14 Nov 2023 15:15:33 +0100 (CET)") + [
        ("Content-Type", 'multipart/mixed; boundary="%s"' % b),
        ("Message-ID", "<in72-5b4a-4c3d-8e2f-1a0b9c8d7e6f@example.com>"),
        ("Date", "Tue, 14 Nov 2023 15:15:31 +0100"),
        ("MIME-Version", "1.0"),
        ("User-Agent", "Mozilla Thunderbird"),
        ("To", "support@example.net"),
        ("From", "Igor Novak <igor.novak@example.com>"),
        ("Subject", "Export is empty")]
    add("72-empty-attachment.eml", message(hdr, body),
        "Two 0-byte attachments (empty base64 body; empty 7bit body): size 0, kept (not dropped, no exception); export.csv is text/plain with a filename, so it is an attachment and not body text.",
        "in72-5b4a-4c3d-8e2f-1a0b9c8d7e6f@example.com", "igor.novak@example.com", "Igor Novak", "Export is empty",
        textContains=["the export produced an empty file again"],
        attachments=[A("export.csv", "text/plain", 0), A("export.log", "application/octet-stream", 0)])


def m73():
    b = "----=_Part_73_1699971500000"
    blob = prng("73-blob", 1500)
    jpg = jpeg(3000, "73")
    body = mp(b, [
        part([("Content-Type", "text/plain; charset=UTF-8"), ("Content-Transfer-Encoding", "7bit")],
             "MMS from +1 212 555 0173:\nPhoto of the damaged meter and the device dump.\n"),
        part([("Content-Type", "application/octet-stream"), ("Content-Disposition", "attachment"), ("Content-Transfer-Encoding", "base64")], b64(blob)),
        part([("Content-Type", "image/jpeg"), ("Content-Transfer-Encoding", "base64")], b64(jpg)),
    ])
    hdr = rcv("mms-gw@example.com", "mms.example.com", "192.0.2.73", "4STjyn6Vv5z9tf6",
              "Tue, 14 Nov 2023 15:18:21 +0100 (CET)") + [
        ("From", '"+12125550173" <mms-gw@example.com>'),
        ("To", "support@example.net"),
        ("Subject", "MMS from +12125550173"),
        ("Date", "Tue, 14 Nov 2023 15:18:20 +0100"),
        ("Message-ID", "<mms.73.1699971500000@mms.example.com>"),
        ("MIME-Version", "1.0"),
        ("Content-Type", 'multipart/mixed; boundary="%s"' % b)]
    add("73-attachment-no-filename.eml", message(hdr, body),
        "MMS gateway: an attachment with Content-Disposition: attachment but no filename/name, and a JPEG with no Content-Disposition, no name and no Content-ID: both are attachments with filename null (the parser may invent a display name, but must not drop them); display name is a quoted phone number.",
        "mms.73.1699971500000@mms.example.com", "mms-gw@example.com", "+12125550173", "MMS from +12125550173",
        textContains=["Photo of the damaged meter and the device dump."],
        attachments=[A(None, "application/octet-stream", len(blob)), A(None, "image/jpeg", len(jpg))])


def m74():
    b = "----=_NextPart_000_0074_01DA16F8.8A1B2C30"
    exe = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + prng("74-exe", 2000)
    passwd = b"root:x:0:0:root:/root:/bin/bash\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n"
    ini = b"[boot loader]\r\ntimeout=30\r\n"
    body = mp(b, [
        part([("Content-Type", 'text/plain;\n\tcharset="us-ascii"'), ("Content-Transfer-Encoding", "7bit")],
             "Please run the attached tool to fix your account.\n"),
        part([("Content-Type", 'application/octet-stream;\n\tname="..\\\\..\\\\evil.exe"'), ("Content-Transfer-Encoding", "base64"),
              ("Content-Disposition", 'attachment;\n\tfilename="..\\\\..\\\\evil.exe"')], b64(exe)),
        part([("Content-Type", 'text/plain; name="/etc/passwd"'), ("Content-Transfer-Encoding", "base64"),
              ("Content-Disposition", 'attachment; filename="/etc/passwd"')], b64(passwd)),
        part([("Content-Type", "application/octet-stream"), ("Content-Transfer-Encoding", "base64"),
              ("Content-Disposition", "attachment; filename*=UTF-8''..%2F..%2F..%2Fboot.ini")], b64(ini)),
    ], preamble="This is a multi-part message in MIME format.")
    hdr = rcv("it-helpdesk@example.org", "smtp.example.org", "198.51.100.74", "4STjzp7Ww6z9tfg",
              "Tue, 14 Nov 2023 15:21:09 +0100 (CET)") + [
        ("From", '"IT Helpdesk" <it-helpdesk@example.org>'),
        ("To", "<support@example.net>"),
        ("Subject", "Account fix tool"),
        ("Date", "Tue, 14 Nov 2023 15:21:07 +0100"),
        ("Message-ID", "<000001da16f8$8a1b2c30$9e518490$@example.org>"),
        ("MIME-Version", "1.0"),
        ("Content-Type", 'multipart/mixed;\n\tboundary="%s"' % b),
        ("X-Mailer", "Microsoft Outlook 16.0")]
    add("74-filename-path-traversal.eml", message(hdr, body),
        "Hostile file names with path components: '..\\..\\evil.exe' (backslashes escaped in the quoted-string), '/etc/passwd', and RFC 2231 '../../../boot.ini' (%2F-encoded): a safe parser keeps only the last path segment (evil.exe, passwd, boot.ini) and never uses the name as a path.",
        "000001da16f8$8a1b2c30$9e518490$@example.org", "it-helpdesk@example.org", "IT Helpdesk", "Account fix tool",
        textContains=["Please run the attached tool to fix your account."],
        textExcludes=["root:x:0:0"],
        attachments=[A("evil.exe", "application/octet-stream", len(exe)), A("passwd", "text/plain", len(passwd)),
                     A("boot.ini", "application/octet-stream", len(ini))])


# --------------------------------------------------------------------------------------------
# 75-81 calendar, signatures, TNEF, size, garbage, single-part attachment
# --------------------------------------------------------------------------------------------

ICS75 = "\r\n".join([
    "BEGIN:VCALENDAR", "METHOD:REQUEST", "PRODID:Microsoft Exchange Server 2010", "VERSION:2.0",
    "BEGIN:VTIMEZONE", "TZID:W. Europe Standard Time",
    "BEGIN:STANDARD", "DTSTART:16010101T030000", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100",
    "RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=10", "END:STANDARD",
    "BEGIN:DAYLIGHT", "DTSTART:16010101T020000", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200",
    "RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=3", "END:DAYLIGHT", "END:VTIMEZONE",
    "BEGIN:VEVENT",
    'ORGANIZER;CN="Lovelace, Ada":mailto:ada.lovelace@example.com',
    "ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE;CN=Omnihub Sup",
    " port:mailto:support@example.net",
    "DESCRIPTION;LANGUAGE=en-US:Agenda: email channel go-live\\, IMAP settings\\, Q",
    " &A\\n",
    "UID:040000008200E00074C5B7101A82E0080000000010A1B2C3D4E5F6A7B8C9D0E1F2A3B4C5",
    "SUMMARY;LANGUAGE=en-US:Onboarding call Omnihub",
    "DTSTART;TZID=W. Europe Standard Time:20231121T100000",
    "DTEND;TZID=W. Europe Standard Time:20231121T110000",
    "CLASS:PUBLIC", "PRIORITY:5", "DTSTAMP:20231114T134500Z", "TRANSP:OPAQUE", "STATUS:CONFIRMED", "SEQUENCE:0",
    "LOCATION;LANGUAGE=en-US:Microsoft Teams Meeting",
    "X-MICROSOFT-CDO-BUSYSTATUS:TENTATIVE",
    "BEGIN:VALARM", "DESCRIPTION:REMINDER", "TRIGGER;RELATED=START:-PT15M", "ACTION:DISPLAY", "END:VALARM",
    "END:VEVENT", "END:VCALENDAR", ""]).encode("utf-8")


def m75():
    mix = "_004_VI1PR07MB4455C0FFEE1234567890ABCDEF123456VI1PR07MB4455eurp_"
    alt = "_000_VI1PR07MB4455C0FFEE1234567890ABCDEF123456VI1PR07MB4455eurp_"
    text = ("Agenda: email channel go-live, IMAP settings, Q&A\n\n"
            "________________________________________________________________________________\n"
            "Microsoft Teams meeting\nJoin on your computer, mobile app or room device\n"
            "Click here to join the meeting<https://teams.example.com/l/meetup-join/19%3ameeting_abc>\n"
            "Meeting ID: 312 555 017 42\nPasscode: x7Kq2m\n"
            "________________________________________________________________________________\n\n")
    html = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head><body><div>'
            '<p>Agenda: email channel go-live, IMAP settings, Q&amp;A</p><div style="width:100%"><span>______________</span></div>'
            '<div><b>Microsoft Teams meeting</b></div><div><a href="https://teams.example.com/l/meetup-join/19%3ameeting_abc">Click here to join the meeting</a></div>'
            '<div>Meeting ID: 312 555 017 42</div></div></body></html>\n')
    altbody = mp(alt, [
        part([("Content-Type", 'text/plain; charset="utf-8"'), ("Content-Transfer-Encoding", "quoted-printable")], qp(text.encode())),
        part([("Content-Type", 'text/html; charset="utf-8"'), ("Content-Transfer-Encoding", "quoted-printable")], qp(html.encode())),
        part([("Content-Type", 'text/calendar; charset="utf-8"; method=REQUEST'), ("Content-Transfer-Encoding", "base64")], b64(ICS75)),
    ])
    body = mp(mix, [
        part([("Content-Type", 'multipart/alternative;\n\tboundary="%s"' % alt)], b"\n" + altbody),
        part([("Content-Type", 'application/ics; name="invite.ics"'), ("Content-Description", "invite.ics"),
              ("Content-Disposition", 'attachment; filename="invite.ics"; size=%d;\n\tcreation-date="Tue, 14 Nov 2023 13:45:00 GMT";\n\tmodification-date="Tue, 14 Nov 2023 13:45:00 GMT"' % len(ICS75)),
              ("Content-Transfer-Encoding", "base64")], b64(ICS75)),
    ])
    hdr = [("Received", "from VI1PR07MB4455.eurprd07.prod.example.com ([fe80::7:6:5:4]) by\n VI1PR07MB4455.eurprd07.prod.example.com with mapi id 15.20.7002.015; Tue, 14 Nov 2023 13:45:00 +0000"),
           ("From", '"Lovelace, Ada" <ada.lovelace@example.com>'),
           ("To", "Omnihub Support <support@example.net>"),
           ("Subject", "Onboarding call Omnihub"),
           ("Thread-Topic", "Onboarding call Omnihub"),
           ("Thread-Index", "AdoXC4k1aQ7mZs3lQ0mC8xk2n4p6rA=="),
           ("Date", "Tue, 14 Nov 2023 13:45:00 +0000"),
           ("Message-ID", "<VI1PR07MB4455C0FFEE1234567890ABCDEF123456@VI1PR07MB4455.eurprd07.prod.example.com>"),
           ("Accept-Language", "en-GB, en-US"),
           ("Content-Language", "en-US"),
           ("X-MS-Has-Attach", "yes"),
           ("X-MS-TNEF-Correlator", ""),
           ("Content-Type", 'multipart/mixed;\n\tboundary="%s"' % mix),
           ("MIME-Version", "1.0")]
    add("75-calendar-invite-outlook.eml", message(hdr, body),
        "Exchange/Outlook meeting request: text/calendar; method=REQUEST as the third alternative of multipart/alternative (no filename) plus the same invitation as invite.ics (application/ics) attachment; text comes from text/plain, never from the iCalendar part.",
        "VI1PR07MB4455C0FFEE1234567890ABCDEF123456@VI1PR07MB4455.eurprd07.prod.example.com",
        "ada.lovelace@example.com", "Lovelace, Ada", "Onboarding call Omnihub",
        textContains=["Agenda: email channel go-live, IMAP settings, Q&A", "Meeting ID: 312 555 017 42"],
        textExcludes=["BEGIN:VCALENDAR", "DTSTART"],
        htmlContains=["Microsoft Teams meeting"], hasHtml=True,
        attachments=[A(None, "text/calendar", len(ICS75)), A("invite.ics", "application/ics", len(ICS75))],
        threadIndex=True)


def m76():
    b = "Apple-Mail=_D1E2F3A4-B5C6-4D7E-8F9A-0B1C2D3E4F5A"
    sig = bytes.fromhex("308006092a864886f70d010702a0803080020101310f300d06096086480165030402010500308006092a864886f70d0107010000a08030")
    sig += prng("76-smime", 3200 - len(sig))
    text = "Hello,\n\nplease change the bank account for our invoices to the one in the signed letter we sent by post.\nThis message is S/MIME signed.\n\nOliver Grant\nFinance\n"
    body = mp(b, [
        part([("Content-Transfer-Encoding", "quoted-printable"), ("Content-Type", "text/plain;\n\tcharset=us-ascii")], qp(text.encode())),
        part([("Content-Disposition", "attachment;\n\tfilename=smime.p7s"), ("Content-Type", "application/pkcs7-signature;\n\tname=smime.p7s"),
              ("Content-Transfer-Encoding", "base64")], b64(sig)),
    ])
    hdr = rcv("oliver.grant@example.com", "mail.example.com", "192.0.2.76", "4STk0q8Xx7z9tfq",
              "Tue, 14 Nov 2023 15:30:44 +0100 (CET)") + [
        ("From", "Oliver Grant <oliver.grant@example.com>"),
        ("Content-Type", 'multipart/signed;\n\tboundary="%s";\n\tprotocol="application/pkcs7-signature";\n\tmicalg=sha-256' % b),
        ("Mime-Version", "1.0 (Mac OS X Mail 16.0 \\(3774.200.91.1.1\\))"),
        ("Subject", "Change of bank account"),
        ("Message-Id", "<9C8B7A69-5847-4362-9150-A4B3C2D1E0F9@example.com>"),
        ("Date", "Tue, 14 Nov 2023 15:30:41 +0100"),
        ("To", "support@example.net"),
        ("X-Mailer", "Apple Mail (2.3774.200.91.1.1)")]
    add("76-smime-signed.eml", message(hdr, body),
        "Apple Mail S/MIME multipart/signed (protocol application/pkcs7-signature, fake signature bytes): text comes from the first part; the detached smime.p7s is kept as an ordinary attachment (verification is out of scope, parsing must not fail).",
        "9C8B7A69-5847-4362-9150-A4B3C2D1E0F9@example.com", "oliver.grant@example.com", "Oliver Grant", "Change of bank account",
        textContains=["please change the bank account for our invoices"],
        attachments=[A("smime.p7s", "application/pkcs7-signature", len(sig))])


def m77():
    bs, bp, bm = "------------7QxPL3sW1mR0bT9vY2nK5aZ4", "------------f0Ut3pRa8nBq2CwYd9Lz6HeM", "------------X1y2Z3a4B5c6D7e8F9g0H1i2"
    keyb64 = base64.b64encode(prng("77-key", 900)).decode()
    key = ("-----BEGIN PGP PUBLIC KEY BLOCK-----\n\n" + "\n".join(keyb64[i:i + 64] for i in range(0, len(keyb64), 64))
           + "\n=Ab12\n-----END PGP PUBLIC KEY BLOCK-----\n").encode()
    sigb64 = base64.b64encode(prng("77-sig", 380)).decode()
    sig = ("-----BEGIN PGP SIGNATURE-----\n\n" + "\n".join(sigb64[i:i + 64] for i in range(0, len(sigb64), 64))
           + "\n=Xy9z\n-----END PGP SIGNATURE-----\n").encode()
    text = ("Hello,\n\nplease rotate the API key for tenant 'northwind'. This request is signed with my OpenPGP key \n"
            "(attached).\n\nAda\n")
    inner = mp(bm, [
        part([("Content-Type", "text/plain; charset=UTF-8; format=flowed"), ("Content-Transfer-Encoding", "quoted-printable")], qp(text.encode())),
        part([("Content-Type", 'application/pgp-keys; name="OpenPGP_0xA1B2C3D4E5F60718.asc"'),
              ("Content-Disposition", 'attachment; filename="OpenPGP_0xA1B2C3D4E5F60718.asc"'),
              ("Content-Description", "OpenPGP public key"), ("Content-Transfer-Encoding", "quoted-printable")], qp(key)),
    ])
    protected = mp(bp, [part([("Content-Type", 'multipart/mixed; boundary="%s"' % bm)], inner)])
    body = mp(bs, [
        part([("Content-Type", 'multipart/mixed; boundary="%s";\n protected-headers="v1"' % bp),
              ("From", "Ada Lovelace <ada.lovelace@example.com>"),
              ("To", "support@example.net"),
              ("Message-ID", "<0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e@example.com>"),
              ("Subject", "API key rotation request")], protected),
        part([("Content-Type", 'application/pgp-signature; name="OpenPGP_signature.asc"'),
              ("Content-Description", "OpenPGP digital signature"),
              ("Content-Disposition", 'attachment; filename="OpenPGP_signature.asc"')], sig),
    ], preamble="This is an OpenPGP/MIME signed message (RFC 4880 and 3156)")
    hdr = rcv("ada.lovelace@example.com", "mail.example.com", "192.0.2.77", "4STk1r9Yy8z9tg0",
              "Tue, 14 Nov 2023 15:40:12 +0100 (CET)") + [
        ("Message-ID", "<0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e@example.com>"),
        ("Date", "Tue, 14 Nov 2023 15:40:10 +0100"),
        ("MIME-Version", "1.0"),
        ("User-Agent", "Mozilla Thunderbird"),
        ("Content-Language", "en-GB"),
        ("To", "support@example.net"),
        ("From", "Ada Lovelace <ada.lovelace@example.com>"),
        ("Subject", "API key rotation request"),
        ("Content-Type", 'multipart/signed; micalg=pgp-sha256;\n protocol="application/pgp-signature";\n boundary="%s"' % bs)]
    add("77-pgp-mime-signed.eml", message(hdr, body),
        "Thunderbird PGP/MIME multipart/signed: the signed part is a multipart/mixed carrying protected headers (From/To/Subject inside the MIME part header), nested in another multipart/mixed with the text and the sender's public key (QP); the detached signature is 7bit. Key and signature are kept as attachments; the inner From/Subject must not override the outer.",
        "0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e@example.com", "ada.lovelace@example.com", "Ada Lovelace", "API key rotation request",
        textContains=["please rotate the API key for tenant 'northwind'."],
        textExcludes=["BEGIN PGP"],
        attachments=[A("OpenPGP_0xA1B2C3D4E5F60718.asc", "application/pgp-keys", wire_len(key)),
                     A("OpenPGP_signature.asc", "application/pgp-signature", wire_len(sig))])


def m78():
    b = "_003_AM0PR02MB6789AABBCCDDEEFF0011223344556677AM0PR02MB6789eurp_"
    tnef = b"\x78\x9f\x3e\x22\x01\x00\x01\x06\x90\x08\x00\x04\x00\x00\x00\x00\x00\x01\x00\x01\x00" + prng("78-tnef", 6400)
    text = "Hello,\n\nplease find attached the signed service contract.\n\nKind regards\nNora Lindberg\n\n"
    body = mp(b, [
        part([("Content-Type", 'text/plain; charset="us-ascii"'), ("Content-Transfer-Encoding", "quoted-printable")], qp(text.encode())),
        part([("Content-Type", 'application/ms-tnef; name="winmail.dat"'), ("Content-Description", "winmail.dat"),
              ("Content-Disposition", 'attachment; filename="winmail.dat"; size=%d;\n\tcreation-date="Tue, 14 Nov 2023 14:50:02 GMT";\n\tmodification-date="Tue, 14 Nov 2023 14:50:02 GMT"' % len(tnef)),
              ("Content-Transfer-Encoding", "base64")], b64(tnef)),
    ])
    hdr = [("Received", "from AM0PR02MB6789.eurprd02.prod.example.com ([fe80::2:3:4:5]) by\n AM0PR02MB6789.eurprd02.prod.example.com with mapi id 15.20.7002.015; Tue, 14 Nov 2023 14:50:02 +0000"),
           ("From", "Nora Lindberg <nora.lindberg@example.com>"),
           ("To", "Omnihub Support <support@example.net>"),
           ("Subject", "Signed service contract"),
           ("Thread-Topic", "Signed service contract"),
           ("Thread-Index", "AdoXDk0b2l1dS5jb250cmFjdC5uZXQ="),
           ("Date", "Tue, 14 Nov 2023 14:50:02 +0000"),
           ("Message-ID", "<AM0PR02MB6789AABBCCDDEEFF0011223344556677@AM0PR02MB6789.eurprd02.prod.example.com>"),
           ("Accept-Language", "en-US"),
           ("Content-Language", "en-US"),
           ("X-MS-Has-Attach", "yes"),
           ("X-MS-TNEF-Correlator", "<AM0PR02MB6789AABBCCDDEEFF0011223344556677@AM0PR02MB6789.eurprd02.prod.example.com>"),
           ("Content-Type", 'multipart/mixed;\n\tboundary="%s"' % b),
           ("MIME-Version", "1.0")]
    add("78-tnef-winmail.eml", message(hdr, body),
        "Outlook rich-text mail with the real attachment hidden in winmail.dat (application/ms-tnef, fake TNEF bytes after the 0x223E9F78 signature): kept as one attachment named winmail.dat (decoding TNEF is optional, must not fail on bad TNEF).",
        "AM0PR02MB6789AABBCCDDEEFF0011223344556677@AM0PR02MB6789.eurprd02.prod.example.com",
        "nora.lindberg@example.com", "Nora Lindberg", "Signed service contract",
        textContains=["please find attached the signed service contract."],
        attachments=[A("winmail.dat", "application/ms-tnef", len(tnef))], threadIndex=True)


def m79():
    b = "----=_NextPart_000_0079_01DA16FA.1C2D3E40"
    big = pdf(["Service manual HS-200", "Revision 7"], pad=139000, seed="79")
    text = "Hi,\n\nattached is the scanned service manual you asked for (about 140 KB).\n\nPaolo\n"
    body = mp(b, [
        part([("Content-Type", 'text/plain;\n\tcharset="us-ascii"'), ("Content-Transfer-Encoding", "7bit")], text),
        part([("Content-Type", 'application/pdf;\n\tname="HS-200_service_manual.pdf"'), ("Content-Transfer-Encoding", "base64"),
              ("Content-Disposition", 'attachment;\n\tfilename="HS-200_service_manual.pdf"')], b64(big)),
    ], preamble="This is a multipart message in MIME format.\n")
    hdr = rcv("paolo.greco@example.org", "smtp.example.org", "198.51.100.79", "4STk2s0Zz9z9tga",
              "Tue, 14 Nov 2023 15:55:30 +0100 (CET)") + [
        ("From", '"Paolo Greco" <paolo.greco@example.org>'),
        ("To", "<support@example.net>"),
        ("Subject", "Service manual HS-200"),
        ("Date", "Tue, 14 Nov 2023 15:55:27 +0100"),
        ("Message-ID", "<000601da16fa$1c2d3e40$54878ac0$@example.org>"),
        ("MIME-Version", "1.0"),
        ("Content-Type", 'multipart/mixed;\n\tboundary="%s"' % b),
        ("X-Mailer", "Microsoft Outlook 16.0"),
        ("Content-Language", "it")]
    add("79-medium-attachment.eml", message(hdr, body),
        "Medium (~140 KB decoded, ~190 KB encoded) base64 PDF: streaming decode and exact size; the truly huge attachment case is generated at test time, not committed.",
        "000601da16fa$1c2d3e40$54878ac0$@example.org", "paolo.greco@example.org", "Paolo Greco", "Service manual HS-200",
        textContains=["attached is the scanned service manual you asked for"],
        attachments=[A("HS-200_service_manual.pdf", "application/pdf", len(big))])


def m80():
    raw = b"\x00" * 512 + prng("80-garbage", 1536)
    add("80-garbage-not-mime.eml", raw,
        "Corrupted mailbox entry: 512 NUL bytes followed by random binary, no header block, no text at all - the one case that must be flagged UNPARSEABLE (stored raw, never dropped, must not block the mailbox). Written as raw bytes, no line structure.",
        None, None, None, None, flags=["UNPARSEABLE"], eol=None)


def m81():
    fax = pdf(["FAX from +49 30 5550 4242", "2 pages"], seed="81")
    hdr = rcv("fax@example.com", "fax.example.com", "192.0.2.81", "4STk3t1Aa0z9tgk",
              "Tue, 14 Nov 2023 16:02:03 +0100 (CET)") + [
        ("From", "Fax Gateway <fax@example.com>"),
        ("To", "support@example.net"),
        ("Subject", "Fax from +49 30 5550 4242 (2 pages)"),
        ("Date", "Tue, 14 Nov 2023 16:02:01 +0100"),
        ("Message-ID", "<fax.81.20231114160201@fax.example.com>"),
        ("MIME-Version", "1.0"),
        ("Content-Type", 'application/pdf; name="fax_0042.pdf"'),
        ("Content-Disposition", 'attachment; filename="fax_0042.pdf"'),
        ("Content-Transfer-Encoding", "base64")]
    add("81-single-part-pdf.eml", message(hdr, b64(fax)),
        "Non-multipart message whose whole body is a PDF (top-level Content-Type application/pdf, disposition attachment): no text at all, one attachment - valid, not unparseable.",
        "fax.81.20231114160201@fax.example.com", "fax@example.com", "Fax Gateway", "Fax from +49 30 5550 4242 (2 pages)",
        attachments=[A("fax_0042.pdf", "application/pdf", len(fax))])


# --------------------------------------------------------------------------------------------
# write + check
# --------------------------------------------------------------------------------------------

MAX_BYTES = 200 * 1024


def build():
    for name in sorted(n for n in globals() if re.match(r"^m\d\d$", n)):
        globals()[name]()
    files = [f for f, _, _ in MESSAGES]
    assert len(files) == len(set(files))
    for i, f in enumerate(files, 1):
        assert f.startswith("%02d-" % i), (i, f)
    return MESSAGES


def write(messages):
    keep = {f for f, _, _ in messages}
    for f in os.listdir(HERE):
        if re.match(r"^\d\d-.*\.eml$", f) and f not in keep:
            os.remove(os.path.join(HERE, f))
    for f, wire, _ in messages:
        assert len(wire) < MAX_BYTES, (f, len(wire))
        with open(os.path.join(HERE, f), "wb") as fh:
            fh.write(wire)
    with open(os.path.join(HERE, "manifest.json"), "w", encoding="utf-8", newline="\n") as fh:
        json.dump([m for _, _, m in messages], fh, ensure_ascii=False, indent=2)
        fh.write("\n")


# ---- independent raw MIME splitter (used for the raw size of message/* parts) ----------------

def _split_head(b):
    m = re.search(rb"\r?\n\r?\n", b)
    if not m:
        return b, b""
    return b[:m.start()], b[m.end():]


def _param(headers, name, param):
    unfolded = re.sub(rb"\r?\n[ \t]+", b" ", headers)
    m = re.search(rb"(?im)^" + name + rb":[ \t]*(.*)$", unfolded)
    if not m:
        return None
    v = m.group(1)
    if param is None:
        return v.split(b";")[0].strip().lower().decode("latin-1")
    p = re.search(rb"(?i);\s*" + param + rb"=\"([^\"]*)\"|;\s*" + param + rb"=([^;\s]+)", v)
    return None if not p else (p.group(1) if p.group(1) is not None else p.group(2)).decode("latin-1")


def raw_leaves(b, out=None):
    """[(content-type, raw body bytes)] in document order; message/* are leaves."""
    out = [] if out is None else out
    h, body = _split_head(b)
    ct = _param(h, b"content-type", None) or "text/plain"
    bd = _param(h, b"content-type", b"boundary")
    if ct.startswith("multipart/") and bd:
        delim = b"--" + bd.encode("latin-1")
        lines = body.splitlines(keepends=True)
        cur = None
        for ln in lines:
            s = ln.rstrip(b"\r\n")
            if s == delim or s == delim + b"--":
                if cur is not None:
                    raw_leaves(re.sub(rb"\r?\n$", b"", b"".join(cur)), out)
                cur = None if s.endswith(b"--") and s != delim else []
            elif cur is not None:
                cur.append(ln)
        if cur:
            raw_leaves(b"".join(cur), out)
    else:
        out.append((ct, body))
    return out


# ---- reference reading with Python's email package ------------------------------------------

def _html_to_text(h):
    h = re.sub(r"(?is)<(script|style)\b.*?</\1\s*>", " ", h)
    h = re.sub(r"(?i)<br\s*/?>|</p>|</div>|</h\d>|</li>|</tr>", "\n", h)
    h = re.sub(r"(?s)<[^>]+>", "", h)
    return htmlmod.unescape(h)


def _strip_quotes(text):
    lines = text.replace("\r\n", "\n").split("\n")
    cut = len(lines)
    for i, ln in enumerate(lines):
        s = ln.strip()
        nxt = lines[i + 1].strip() if i + 1 < len(lines) else ""
        if (s.startswith(">")
                or re.match(r"(?i)^-{2,}\s*original message\s*-{2,}$", s)
                or re.match(r"^On\s.+wrote:$", s)
                or (re.match(r"^On\s.+", s) and re.search(r"wrote:$", nxt))
                or (re.match(r"^(From|Von):\s", s) and any(re.match(r"^(Sent|Gesendet):", x.strip()) for x in lines[i + 1:i + 3]))):
            cut = i
            break
    return "\n".join(lines[:cut])


def _lenient_text(part):
    payload = part.get_payload(decode=True) or b""
    cs = (part.get_content_charset() or "us-ascii").lower()
    try:
        return payload.decode(cs), None
    except LookupError:
        return payload.decode("utf-8", "replace"), "unknown charset %r" % cs
    except UnicodeDecodeError:
        return payload.decode(cs, "replace"), "bytes invalid for %s" % cs


def py_read(raw):
    from email import policy
    from email.parser import BytesParser
    m = BytesParser(policy=policy.default).parsebytes(raw)
    notes = []
    r = {}

    def h(name):
        try:
            v = m.get(name)
            return None if v is None else str(v)
        except Exception as e:  # noqa
            notes.append("header %s: %r" % (name, e))
            return None

    mid = h("Message-ID")
    r["messageId"] = mid.strip().strip("<>").strip() if mid else None
    try:
        addrs = m["From"].addresses if m["From"] is not None else ()
    except Exception as e:  # noqa
        addrs = ()
        notes.append("From: %r" % e)
    r["from"] = addrs[0].addr_spec.lower() if addrs and addrs[0].addr_spec and "@" in addrs[0].addr_spec else None
    r["fromName"] = (addrs[0].display_name or None) if addrs else None
    r["subject"] = h("Subject")
    irt = h("In-Reply-To")
    r["inReplyTo"] = (re.findall(r"<([^>]+)>", irt) or [None])[0] if irt else None
    refs = h("References")
    r["references"] = re.findall(r"<([^>]+)>", refs) if refs else []
    r["threadIndex"] = m.get("Thread-Index") is not None

    bodies_plain, bodies_html, atts = [], [], []
    # Python re-parses message/* parts, so their raw sizes come from the independent raw splitter
    msg_sizes = [len(b) for ct, b in raw_leaves(raw) if ct.startswith("message/") or ct == "text/rfc822-headers"]

    def walk(p):
        ct = p.get_content_type()
        if ct.startswith("multipart/"):
            if p.is_multipart():
                for sp in p.iter_parts():
                    walk(sp)
            else:
                notes.append("multipart without usable boundary read as text")
                t, n = _lenient_text(p)
                bodies_plain.append(t)
            return
        disp = p.get_content_disposition()
        try:
            fn = p.get_filename()
        except Exception as e:  # noqa
            fn = None
            notes.append("filename: %r" % e)
        if not ct.startswith("message/") and ct in ("text/plain", "text/html") and disp != "attachment" and not fn:
            try:
                t = p.get_content()
            except Exception:
                t, n = _lenient_text(p)
                notes.append("text part: " + n)
            (bodies_plain if ct == "text/plain" else bodies_html).append(t)
            return
        cid = p.get("Content-ID")
        cid = str(cid).strip().strip("<>") if cid is not None else None
        if ct in ("message/delivery-status", "message/global-delivery-status"):
            if msg_sizes:
                msg_sizes.pop(0)
            return  # machine-readable report: read for bounce recipients, not kept as an attachment
        if ct.startswith("message/") or ct == "text/rfc822-headers":
            size = msg_sizes.pop(0) if msg_sizes else -1
        else:
            size = len(p.get_payload(decode=True) or b"")
        if fn:
            fn = re.split(r"[\\/]", fn)[-1] or None
        atts.append({"filename": fn, "contentType": ct, "size": size,
                     "inline": disp == "inline" or (disp is None and cid is not None), "contentId": cid})

    walk(m)
    text = "\n".join(bodies_plain)
    html = "\n".join(bodies_html)
    if not bodies_plain and bodies_html:
        text = _html_to_text(html)
    r["text"], r["html"] = text, html
    r["hasHtml"] = bool(bodies_html)
    r["attachments"] = atts

    # ---- reference heuristics for flags / bounces (what the Java side should do) ----
    flags, bounce = set(), []
    asub = (h("Auto-Submitted") or "").strip().lower()
    asub = re.split(r"[\s;(]", asub)[0] if asub else ""
    prec = (h("Precedence") or "").strip().lower()
    arsup = (h("X-Auto-Response-Suppress") or "").lower()
    if ((asub and asub != "no") or m.get("X-Autoreply") is not None or m.get("X-Autorespond") is not None
            or prec in ("bulk", "list", "junk") or m.get("List-Id") is not None or m.get("List-Unsubscribe") is not None
            or re.search(r"\b(all|oof|autoreply)\b", arsup) or (h("Return-Path") or "").strip() == "<>"):
        flags.add("AUTO_SUBMITTED")
    if m.get_content_type() == "multipart/report" and (m.get_param("report-type") or "").lower() == "delivery-status":
        for p in m.walk():
            if p.get_content_type() == "message/delivery-status":
                for blk in p.get_payload():
                    act = (blk.get("Action") or "").strip().lower()
                    fr = blk.get("Final-Recipient")
                    if act == "failed" and fr:
                        bounce.append(str(fr).split(";", 1)[-1].strip().lower())
    elif m.get("X-Failed-Recipients"):
        bounce = [a.strip().lower() for a in str(m["X-Failed-Recipients"]).split(",")]
    elif r["from"] and r["from"].split("@")[0] in ("mailer-daemon", "postmaster") and re.search(r"permanent error", text, re.I):
        head = re.split(r"(?m)^--- Below this line", text)[0]
        bounce = [a.lower() for a in re.findall(r"(?m)^<([^>]+@[^>]+)>:\s*$", head)]
    if bounce:
        flags |= {"BOUNCE", "AUTO_SUBMITTED"}
    if not any(m.get(x) for x in ("From", "Subject", "Message-ID", "Date")) and not atts:
        printable = sum(1 for c in text if c.isprintable() or c in "\r\n\t")
        if not text.strip() or printable < 0.9 * len(text):
            flags.add("UNPARSEABLE")
    r["flags"] = sorted(flags)
    r["bounceRecipients"] = bounce
    r["newPart"] = _strip_quotes(text)
    r["notes"] = notes
    return r


def check(messages):
    problems = 0
    for f, wire, man in messages:
        got = py_read(wire)
        diffs = []
        for k in ("messageId", "from", "fromName", "subject", "hasHtml", "inReplyTo", "references", "threadIndex", "bounceRecipients"):
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
        for s in man["newPartContains"]:
            if s not in got["newPart"]:
                diffs.append("new part lacks %r" % s)
        for s in man["newPartExcludes"]:
            if s in got["newPart"]:
                diffs.append("new part contains quoted %r" % s)
        if got["attachments"] != man["attachments"]:
            diffs.append("attachments:\n      python  =%s\n      manifest=%s" % (
                json.dumps(got["attachments"], ensure_ascii=False), json.dumps(man["attachments"], ensure_ascii=False)))
        if diffs or got["notes"]:
            problems += bool(diffs)
            print("%s%s" % (f, "" if diffs else "  (notes only)"))
            for d in diffs:
                print("    - " + d)
            for n in got["notes"]:
                print("    . python note: " + n)
    print("%d messages, %d where Python's reading differs from the manifest" % (len(messages), problems))


def main():
    if "--check" in sys.argv:
        man = json.load(open(os.path.join(HERE, "manifest.json"), encoding="utf-8"))
        msgs = [(m["file"], open(os.path.join(HERE, m["file"]), "rb").read(), m) for m in man]
    else:
        msgs = build()
        write(msgs)
    check(msgs)


if __name__ == "__main__":
    main()
