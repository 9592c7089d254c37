#!/usr/bin/env python3
"""A loopback HTTP server laid out like the AWS Price List, for tacoplan's fetch tests.

Serves the files under --root at their relative paths with ETag (MD5 of the body), Last-Modified (file mtime),
conditional requests (If-None-Match, If-Modified-Since -> 304) and single open-ended ranges (Range: bytes=N- with
If-Range -> 206). Fault modes come from the JSON --control file, re-read on every request so a test can change them
between runs:
  {"drop": ["/path"], "slow": {"/path": seconds}, "missing": ["/path"]}
  drop    -> announce the full Content-Length, send half the body, close the connection
  slow    -> wait `seconds` before answering
  missing -> 404
Each request is appended to the --log file as one JSON line: path, status, body bytes sent, request headers used.
Prints "PORT <n>" on stdout once listening on 127.0.0.1 (port 0 picks a free one). Loopback only.
"""
import argparse
import email.utils
import hashlib
import http.server
import json
import os
import signal
import sys
import threading
import time
import urllib.parse


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--root", required=True)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--control", required=True)
    parser.add_argument("--log", required=True)
    args = parser.parse_args()
    lock = threading.Lock()

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *_):
            pass

        def record(self, status, sent):
            entry = {
                "path": self.path_only, "status": status, "bytes": sent,
                "range": self.headers.get("Range", ""), "if_none_match": self.headers.get("If-None-Match", ""),
                "if_modified_since": self.headers.get("If-Modified-Since", ""),
            }
            with lock, open(args.log, "a") as log:
                log.write(json.dumps(entry) + "\n")

        def control(self):
            try:
                with open(args.control) as f:
                    return json.load(f)
            except (OSError, ValueError):
                return {}

        def do_GET(self):
            # A proxy receives the absolute URL; a server the path.
            self.path_only = urllib.parse.urlsplit(self.path).path
            faults = self.control()
            delay = faults.get("slow", {}).get(self.path_only)
            if delay:
                time.sleep(delay)
            file = os.path.realpath(os.path.join(args.root, self.path_only.lstrip("/")))
            if self.path_only in faults.get("missing", []) or not file.startswith(os.path.realpath(args.root)) \
                    or not os.path.isfile(file):
                return self.empty(404)
            with open(file, "rb") as f:
                body = f.read()
            etag = '"%s"' % hashlib.md5(body).hexdigest()
            mtime = int(os.path.getmtime(file))
            modified = email.utils.formatdate(mtime, usegmt=True)
            inm = self.headers.get("If-None-Match")
            ims = self.headers.get("If-Modified-Since")
            if inm is not None:
                if inm == etag:
                    return self.empty(304, etag, modified)
            elif ims is not None:
                since = email.utils.parsedate_to_datetime(ims).timestamp()
                if mtime <= since:
                    return self.empty(304, etag, modified)
            start = 0
            status = 200
            wanted = self.headers.get("Range", "")
            if_range = self.headers.get("If-Range")
            if wanted.startswith("bytes=") and wanted.endswith("-") and (if_range is None or if_range in (etag, modified)):
                start = int(wanted[6:-1])
                if start >= len(body):
                    return self.empty(416, etag, modified)
                status = 206
            part = body[start:]
            self.send_response(status)
            self.send_header("ETag", etag)
            self.send_header("Last-Modified", modified)
            self.send_header("Content-Length", str(len(part)))
            self.send_header("Accept-Ranges", "bytes")
            if status == 206:
                self.send_header("Content-Range", "bytes %d-%d/%d" % (start, len(body) - 1, len(body)))
            self.end_headers()
            if self.path_only in faults.get("drop", []):
                half = part[: len(part) // 2]
                self.wfile.write(half)
                self.wfile.flush()
                self.record(status, len(half))
                self.close_connection = True
                self.connection.shutdown(2)
                return
            self.wfile.write(part)
            self.record(status, len(part))

        def empty(self, status, etag=None, modified=None):
            self.send_response(status)
            if etag:
                self.send_header("ETag", etag)
                self.send_header("Last-Modified", modified)
            if status != 304:
                self.send_header("Content-Length", "0")
            self.end_headers()
            self.record(status, 0)

    # Exit at once on SIGTERM, even when the parent started us with signals blocked or ignored (both are inherited:
    # Foundation's Process on Linux starts children with most signals blocked).
    signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGTERM, signal.SIGINT])
    signal.signal(signal.SIGTERM, lambda *_: os._exit(0))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    server.daemon_threads = True
    print("PORT %d" % server.server_address[1], flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
