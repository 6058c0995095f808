"""Running `python -m screener` in a real process, as a user would, from any
folder: a source checkout run with PYTHONPATH=. keeps working when a test
changes the current folder."""
import os
import subprocess
import sys


def _env():
    env = dict(os.environ)
    if env.get("PYTHONPATH"):
        env["PYTHONPATH"] = os.pathsep.join(os.path.abspath(p) for p in env["PYTHONPATH"].split(os.pathsep))
    return env


def run(*args, stdin=None, cwd=None):
    """(exit code, stdout, stderr) of `screen ARGS...`."""
    proc = subprocess.run([sys.executable, "-m", "screener", *map(str, args)], input=stdin,
                          capture_output=True, cwd=cwd, env=_env())
    return proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")
