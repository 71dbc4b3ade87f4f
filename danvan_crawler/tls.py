"""TLS for old government servers: lenient by default, strict on request.

Many provincial servers run old software: legacy renegotiation (refused by OpenSSL 3 unless
``OP_LEGACY_SERVER_CONNECT`` is set), expired or self-signed certificates. By default the crawl
reaches them the way Scrapy does — no certificate verification, and Scrapy's context already
sets ``OP_LEGACY_SERVER_CONNECT`` — and :class:`~danvan_crawler.middlewares.TlsAuditMiddleware`
records what is wrong with each certificate as a warning of the run (``crawl_runs.warnings``).

``danvan crawl --strict-tls`` sets ``DOWNLOAD_VERIFY_CERTIFICATES`` (Scrapy ≥ 2.19): certificates
are verified against the system's trust store and the host name, Twisted's context does not
allow legacy renegotiation, and such a server fails with a TLS reason in ``failures``. No
deprecated ``DOWNLOADER_CLIENTCONTEXTFACTORY`` is needed for either mode.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

OP_LEGACY_SERVER_CONNECT = 0x4


def strict_settings() -> dict[str, Any]:
    """Settings for ``--strict-tls``."""
    return {"DOWNLOAD_VERIFY_CERTIFICATES": True}


def certificate_problems(certificate: Any, hostname: str, now: datetime | None = None) -> list[str]:
    """What strict verification would object to in a server's leaf certificate.

    ``certificate`` is ``response.certificate`` (a Twisted ``Certificate``), a pyOpenSSL ``X509`` or
    a ``cryptography`` certificate. Checked: validity dates, self-signature, the host name or IP
    address. (The chain to a trusted root cannot be checked from the leaf alone; ``--strict-tls``
    does that.) Never raises: an unreadable certificate is itself the problem reported.
    """
    if certificate is None:
        return []
    try:
        cert = _to_cryptography(certificate)
    except Exception as e:  # noqa: BLE001 (any parsing failure is reported, not raised)
        return [f"unreadable certificate ({type(e).__name__})"]
    problems = []
    now = now or datetime.now(UTC)
    try:
        if cert.not_valid_after_utc < now:
            problems.append(f"certificate expired on {cert.not_valid_after_utc:%Y-%m-%d}")
        if cert.not_valid_before_utc > now:
            problems.append(f"certificate not valid before {cert.not_valid_before_utc:%Y-%m-%d}")
        if cert.issuer == cert.subject:
            problems.append("self-signed certificate")
    except Exception as e:  # noqa: BLE001
        problems.append(f"unreadable certificate dates or names ({type(e).__name__})")
    if hostname and not _matches_host(cert, hostname):
        problems.append(f"certificate not issued for {hostname}")
    return problems


def _to_cryptography(certificate: Any):
    original = getattr(certificate, "original", certificate)  # Twisted wraps pyOpenSSL's X509
    if hasattr(original, "to_cryptography"):
        return original.to_cryptography()
    return original


def _matches_host(cert: Any, hostname: str) -> bool:
    from service_identity import CertificateError, VerificationError
    from service_identity.cryptography import verify_certificate_hostname, verify_certificate_ip_address

    try:
        import ipaddress

        try:
            ip = ipaddress.ip_address(hostname.strip("[]"))
        except ValueError:
            verify_certificate_hostname(cert, hostname)
        else:
            verify_certificate_ip_address(cert, ip)
    except (CertificateError, VerificationError):
        return False
    except Exception:  # noqa: BLE001 (a malformed certificate does not match anything)
        return False
    return True
