"""A real SMTP server for the mail tests: aiosmtpd in a process of its own, on
127.0.0.1 at a free port, keeping every message it accepts as one .eml file.

`stop()` kills the process (the mail server has gone: connections are refused)
and `start()` brings it back on the same port; `refuse(reply)` makes it answer
every message with that SMTP reply until `accept()`. A message is written to its
file before the server says 250, so "accepted" always means "kept".
"""

import email
import email.policy
import os
import signal
import subprocess
import time
import uuid
from pathlib import Path

from tests.reliability.services import PYTHON, ROOT, free_port, port_answers, wait_for

REFUSAL_FILE = "refuse"


class StoreInFolder:
    """aiosmtpd handler: `python -m aiosmtpd -c <this class> FOLDER`.

    Each accepted message becomes FOLDER/<time>-<random>.eml: the message as
    received, after X-Envelope-From and X-Envelope-To headers with the SMTP
    envelope (who the server was asked to deliver it to).
    """

    def __init__(self, folder):
        self.folder = Path(folder)

    @classmethod
    def from_cli(cls, parser, *args):
        if len(args) != 1:
            parser.error("StoreInFolder takes one argument: the folder")
        return cls(args[0])

    async def handle_DATA(self, server, session, envelope):
        refusal = self.folder / REFUSAL_FILE
        if refusal.exists():
            return refusal.read_text().strip()
        head = (
            f"X-Envelope-From: {envelope.mail_from}\r\n"
            f"X-Envelope-To: {', '.join(envelope.rcpt_tos)}\r\n"
        ).encode()
        name = f"{time.time_ns()}-{uuid.uuid4().hex}"
        partial = self.folder / f"{name}.part"
        partial.write_bytes(head + envelope.original_content)
        os.replace(partial, self.folder / f"{name}.eml")
        return "250 2.0.0 Message accepted for delivery"


class MailServer:
    """The SMTP server process; its messages are in `folder`."""

    def __init__(self, folder):
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.port = free_port()
        self.process = None
        self.log = self.folder.parent / f"{self.folder.name}-server.log"

    @property
    def url(self):
        return f"smtp://127.0.0.1:{self.port}"

    def start(self):
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                [
                    PYTHON,
                    "-m",
                    "aiosmtpd",
                    "--nosetuid",
                    "--listen",
                    f"127.0.0.1:{self.port}",
                    "--class",
                    f"{__name__}.StoreInFolder",
                    str(self.folder),
                ],
                cwd=ROOT,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        wait_for(
            lambda: port_answers(self.port), "the SMTP server", process=self.process
        )
        return self

    def stop(self):
        """Kill the server, as a crash would; the port refuses connections."""
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(10)
        self.process = None

    def refuse(self, reply):
        """Answer every message with `reply`, e.g. "451 4.3.0 Try again later"."""
        (self.folder / REFUSAL_FILE).write_text(reply)

    def accept(self):
        (self.folder / REFUSAL_FILE).unlink(missing_ok=True)

    def messages(self):
        """Every message accepted so far, oldest first, as email.message objects
        (policy=default: headers are strings, attachments iterable)."""
        return [
            email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
            for path in sorted(self.folder.glob("*.eml"))
        ]
