#!/usr/bin/env python3
"""serve under load: threads, memory and the pair's own request while other clients are stuck.

    python3 bench/serve_load.py BIN JOURNAL half-open 2000   # connect and send nothing
    python3 bench/serve_load.py BIN JOURNAL not-reading 8    # ask for static/big.bin, read none

BIN is a release build of mentorlog; for `not-reading`, JOURNAL needs a large
`static/big.bin` (head -c 64M /dev/zero > JOURNAL/static/big.bin). Linux only (reads
/proc). 2,000 connections need `ulimit -n 20000` in the shell that runs it.
"""
import re
import socket
import subprocess
import sys
import time

binary, journal, mode, n = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
serve = subprocess.Popen([binary, "serve", journal, "--port", "0"], stdout=subprocess.PIPE,
                         stderr=subprocess.DEVNULL, text=True)
port = None
for line in serve.stdout:
    found = re.search(r"at http://[^/]+:(\d+)/", line)
    if found:
        port = int(found.group(1))
        break


def status():
    text = open(f"/proc/{serve.pid}/status").read()
    threads = int(re.search(r"Threads:\s+(\d+)", text).group(1))
    rss = int(re.search(r"VmRSS:\s+(\d+)", text).group(1)) // 1024
    return f"threads {threads}, RSS {rss} MB"


def tab(limit=15):
    """The pair's tab asks for the home page; how long the answer took."""
    started = time.time()
    s = socket.create_connection(("127.0.0.1", port), timeout=limit)
    s.sendall(f"GET / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n".encode())
    reply = b""
    try:
        while chunk := s.recv(65536):
            reply += chunk
    except OSError as e:
        return f"no answer within {limit} s ({e})"
    return f"{reply[:12].decode()} in {(time.time() - started) * 1000:.0f} ms"


time.sleep(1)
print(f"idle: {status()}; GET /: {tab()}")
clients = []
for _ in range(n):
    s = socket.create_connection(("127.0.0.1", port))
    if mode == "not-reading":
        s.sendall(f"GET /static/big.bin HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode())
    clients.append(s)
time.sleep(2)
print(f"{n} {mode}: {status()}; GET /: {tab()}")
serve.kill()
