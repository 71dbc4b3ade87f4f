"""Old TLS servers: crawled by default with a warning in the run record; refused with ``--strict-tls``.

The server is a local HTTPS site on 127.0.0.1 with an expired self-signed certificate generated here
(``cryptography``). Legacy renegotiation cannot be served by a modern OpenSSL, so it is checked on the
client contexts: allowed by default, refused when certificates are verified.
"""

from __future__ import annotations

import ipaddress
import sqlite3
import ssl
from datetime import UTC, datetime, timedelta

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from danvan_crawler.tls import OP_LEGACY_SERVER_CONNECT, certificate_problems
from tests.conftest import run_danvan, write_registry
from tests.faultsite import plain_site


def make_certificate(not_before: datetime, not_after: datetime, name: str = "127.0.0.1"):
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name),
                         x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Tỉnh ủy (thử)")])
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)  # self-signed
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(not_before)
        .not_valid_after(not_after)
        .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address(name))]), critical=False)
        .sign(key, hashes.SHA256())
    )
    return key, cert


@pytest.fixture(scope="module")
def expired_tls_context(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("tls")
    key, cert = make_certificate(datetime(2020, 1, 1, tzinfo=UTC), datetime(2021, 1, 1, tzinfo=UTC))
    (tmp / "cert.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    (tmp / "key.pem").write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                                    serialization.NoEncryption()))
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(tmp / "cert.pem", tmp / "key.pem")
    return ctx


@pytest.fixture
def tls_site(expired_tls_context):
    with plain_site(n=3, name="tls-nv", ssl_context=expired_tls_context) as site:
        assert site.base.startswith("https://127.0.0.1:")
        yield site


def test_default_crawl_stores_articles_and_warns(tls_site, tmp_path):
    registry = write_registry(tmp_path / "sites.toml", [tls_site])
    db = tmp_path / "tls.db"
    result = run_danvan("crawl", "--db", str(db), "--no-delay", env={"DANVAN_REGISTRY": str(registry)}, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr[-2000:]
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == len(tls_site.articles)
    status, warnings = conn.execute("SELECT status, warnings FROM crawl_runs").fetchone()
    assert status == "ok"
    assert warnings and tls_site.netloc in warnings
    assert "certificate expired on 2021-01-01" in warnings and "self-signed" in warnings
    assert "--strict-tls" in warnings


def test_strict_tls_refuses_the_server(tls_site, tmp_path):
    registry = write_registry(tmp_path / "sites.toml", [tls_site])
    db = tmp_path / "strict.db"
    result = run_danvan("crawl", "--strict-tls", "--db", str(db), "--no-delay",
                        env={"DANVAN_REGISTRY": str(registry)}, timeout=120)
    assert result.returncode == 1, result.stdout + result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    line = next(ln for ln in result.stdout.splitlines() if "tls-nv" in ln)
    assert line.split()[0] == "failed" and "TLS" in line
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 0
    reasons = [r for (r,) in conn.execute("SELECT reason FROM failures")]
    assert reasons and all(r.startswith("TLS handshake failed") for r in reasons), reasons
    assert any(r == "TLS handshake failed: certificate verify failed" for r in reasons), reasons
    assert tls_site.count(lambda p: p.startswith("/tin-tuc/")) == 0  # no page was ever served


def test_legacy_renegotiation_allowed_by_default_refused_when_strict():
    from scrapy.core.downloader.contextfactory import _get_creator_context, _ScrapyClientContextFactory

    lenient = _ScrapyClientContextFactory().creatorForNetloc(b"tinhuy.example.vn", 443)
    strict = _ScrapyClientContextFactory(verify_certificates=True).creatorForNetloc(b"tinhuy.example.vn", 443)
    assert _get_creator_context(lenient).set_options(0) & OP_LEGACY_SERVER_CONNECT
    assert not _get_creator_context(strict).set_options(0) & OP_LEGACY_SERVER_CONNECT


def test_certificate_problems():
    now = datetime.now(UTC)
    _, expired = make_certificate(now - timedelta(days=400), now - timedelta(days=30))
    assert certificate_problems(expired, "127.0.0.1") == [
        f"certificate expired on {(now - timedelta(days=30)):%Y-%m-%d}", "self-signed certificate"]
    _, future = make_certificate(now + timedelta(days=3), now + timedelta(days=300))
    assert any("not valid before" in p for p in certificate_problems(future, "127.0.0.1"))
    _, good_dates = make_certificate(now - timedelta(days=1), now + timedelta(days=300))
    assert certificate_problems(good_dates, "10.9.8.7") == ["self-signed certificate",
                                                            "certificate not issued for 10.9.8.7"]
    assert certificate_problems(None, "x.vn") == []
    assert certificate_problems(object(), "x.vn")[0].startswith("unreadable certificate")
