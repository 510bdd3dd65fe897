"""A sendmail stand-in for the guard's tests: stores its stdin and arguments, exits as told.

FAKE_SENDMAIL_OUT names the folder for message.eml (the bytes received) and argv.json;
FAKE_SENDMAIL_STATUS is the exit status (default 0).
"""

import json
import os
import sys
from pathlib import Path

out = Path(os.environ["FAKE_SENDMAIL_OUT"])
out.mkdir(parents=True, exist_ok=True)
(out / "message.eml").write_bytes(sys.stdin.buffer.read())
(out / "argv.json").write_text(json.dumps(sys.argv[1:]), encoding="utf-8")
sys.exit(int(os.environ.get("FAKE_SENDMAIL_STATUS", "0")))
