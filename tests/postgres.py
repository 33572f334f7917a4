"""A throw-away PostgreSQL server for tests: `initdb` in a temporary folder, on loopback.

Uses Debian's `postgresql` package (its binaries in /usr/lib/postgresql/<version>/bin)
or `initdb` and `pg_ctl` on PATH. The test that needs one is skipped, with the reason,
where there are none; `.ci/run` installs them so that CI always runs it.
"""

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from contextlib import contextmanager
from pathlib import Path

import pytest


def server_binaries() -> Path | None:
    folders = sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)
    folders += [os.path.dirname(p) for p in [shutil.which("initdb")] if p]
    for folder in folders:
        if all(os.access(Path(folder) / name, os.X_OK) for name in ("initdb", "pg_ctl")):
            return Path(folder)
    return None


@contextmanager
def postgres_server(tmp_path: Path):
    """Start a server; yield an SQLAlchemy URL of an empty database on it; stop it."""
    binaries = server_binaries()
    if binaries is None:
        pytest.skip("no PostgreSQL server binaries (initdb, pg_ctl) on this machine: "
                    "apt-get install postgresql")
    pytest.importorskip("psycopg")
    as_user = []
    folder = Path(tempfile.mkdtemp(prefix="dlcourse-pg-"))  # postgres must reach it
    if os.geteuid() == 0:  # initdb refuses to run as root
        try:
            account = pwd.getpwnam("postgres")
        except KeyError:
            pytest.skip("running as root and there is no 'postgres' user to run the server")
        os.chown(folder, account.pw_uid, account.pw_gid)
        as_user = ["runuser", "-u", "postgres", "--"]
    data, port = folder / "data", _free_port()
    try:
        _run(as_user + [str(binaries / "initdb"), "-D", str(data), "-U", "postgres",
                        "-A", "trust", "-E", "UTF8", "--no-sync"])
        _run(as_user + [str(binaries / "pg_ctl"), "-D", str(data), "-w", "-l",
                        str(folder / "server.log"), "-o",
                        f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -F", "start"])
        try:
            import psycopg

            with psycopg.connect(f"host=127.0.0.1 port={port} user=postgres dbname=postgres",
                                 autocommit=True) as connection:
                connection.execute("CREATE DATABASE dlcourse")
            yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/dlcourse"
        finally:
            _run(as_user + [str(binaries / "pg_ctl"), "-D", str(data), "-m", "immediate",
                            "stop"])
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _run(command: list[str]) -> None:
    done = subprocess.run(command, capture_output=True, text=True, cwd="/")
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{done.stdout}{done.stderr}")
