"""A fast static server for the crawl benchmarks: Debian's nginx on a loopback port, generated config.

Python's ThreadingHTTPServer is too slow and too variable to stand in for a web server when the
crawler fetches 100+ pages/s; nginx on loopback serves ~14,000 req/s here and is never the limit.
``nginx_site(root)`` starts it (foreground, its own prefix under a temp folder) and yields the base URL
and the access log, which the benchmarks read to count what each run fetched.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class NginxMissing(RuntimeError):
    pass


def find_nginx() -> str:
    exe = shutil.which("nginx") or next((p for p in ("/usr/sbin/nginx", "/usr/local/sbin/nginx")
                                         if os.access(p, os.X_OK)), None)
    if not exe:
        raise NginxMissing(
            "nginx is not installed: the crawl benchmarks need a fast static server on 127.0.0.1.\n"
            "Install it with `apt-get install -y nginx-light` (or nginx), then run `make bench` again."
        )
    return exe


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


CONFIG = """
worker_processes 1;
daemon off;
master_process on;
{user}
pid {work}/nginx.pid;
error_log {work}/error.log warn;
events {{ worker_connections 4096; }}
http {{
    types {{ text/html html htm; application/xml xml; text/plain txt; }}
    default_type text/html;
    charset utf-8;
    access_log {work}/access.log;
    sendfile on;
    tcp_nopush on;
    keepalive_timeout 65;
    keepalive_requests 1000000;
    client_body_temp_path {work}/tmp;
    proxy_temp_path {work}/tmp;
    fastcgi_temp_path {work}/tmp;
    uwsgi_temp_path {work}/tmp;
    scgi_temp_path {work}/tmp;
    server {{
        listen 127.0.0.1:{port};
        root {root};
        index index.html;
    }}
}}
"""


@contextmanager
def nginx_site(root: Path) -> Iterator[tuple[str, Path]]:
    """Serve ``root`` on 127.0.0.1; yields (base URL without trailing slash, access log path)."""
    exe = find_nginx()
    work = Path(tempfile.mkdtemp(prefix="danvan-nginx-"))
    (work / "tmp").mkdir()
    port = free_port()
    user = "user root;" if os.geteuid() == 0 else ""  # the site lives in a 0700 temp folder
    conf = work / "nginx.conf"
    conf.write_text(CONFIG.format(work=work, port=port, root=root.resolve(), user=user))
    proc = subprocess.Popen([exe, "-p", str(work), "-c", str(conf), "-e", str(work / "error.log")],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 10
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"nginx failed to start: {proc.stderr.read().decode()[-500:]}")
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError("nginx did not start listening") from None
                time.sleep(0.05)
        yield f"http://127.0.0.1:{port}", work / "access.log"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        shutil.rmtree(work, ignore_errors=True)


def log_lines(access_log: Path, offset: int) -> tuple[list[str], int]:
    """Access-log lines written since ``offset`` (bytes), and the new offset."""
    with access_log.open("rb") as f:
        f.seek(offset)
        data = f.read()
    return data.decode("utf-8", "replace").splitlines(), offset + len(data)
