from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap

from selfmassage.store.instance import InstanceLock


def test_a_second_holder_is_refused_until_the_first_releases(tmp_path):
    path = tmp_path / "run" / "selfmassage.lock"
    first, second = InstanceLock(path), InstanceLock(path)
    assert first.acquire()
    assert not second.acquire()
    assert second.holder_pid() == os.getpid()
    first.release()
    assert second.acquire()
    second.release()


def test_a_lock_left_by_a_killed_process_is_taken_over(tmp_path):
    path = tmp_path / "selfmassage.lock"
    script = textwrap.dedent(f"""
        import sys, time
        from selfmassage.store.instance import InstanceLock
        assert InstanceLock(__import__("pathlib").Path({str(path)!r})).acquire()
        print("locked", flush=True)
        time.sleep(60)
    """)
    process = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None and process.stdout.readline().strip() == "locked"
    assert not InstanceLock(path).acquire()
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=10)
    assert path.exists()  # stale: the file is still there, the lock is not
    lock = InstanceLock(path)
    assert lock.acquire()
    assert lock.holder_pid() == os.getpid()
    lock.release()
