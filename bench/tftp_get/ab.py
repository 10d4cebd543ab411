#!/usr/bin/env python3
"""Before/after: two netpoke-cli binaries download the same file download by download (order flipped each
round), from tftpd-hpa and atftpd on 127.0.0.1 (server pinned to CPU 0; client on CPU 0 = same, CPU 1 =
split, or unpinned = free). Prints median wall MiB/s and median client CPU (user+sys) per cell and the
ratio B/A. Servers come from bench/tftp_get/run.sh's work folder (run it once) or build/peers.

  bench/tftp_get/ab.py A_CLI B_CLI    env: SIZE [32] MiB, ROUNDS [5], PLACEMENTS ["same split"],
                                           SETS ["defaults blk65464 ws64 rfc1350"], WORK [build/tftp_get_work]
"""
import os, socket, subprocess, sys, time, statistics, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
BUILD = os.path.join(HERE, '..', '..', 'build')
WORK = os.environ.get('WORK', os.path.join(BUILD, 'tftp_get_work'))
SIZE = int(os.environ.get('SIZE', '32'))
ROUNDS = int(os.environ.get('ROUNDS', '5'))
PLACEMENTS = os.environ.get('PLACEMENTS', 'same split').split()
ALLSETS = {'defaults': [], 'blk65464': ['--blksize', '65464', '--windowsize', '0'],
           'ws64': ['--blksize', '1428', '--windowsize', '64'], 'rfc1350': ['--rfc1350']}
SETS = {k: ALLSETS[k] for k in os.environ.get('SETS', 'defaults blk65464 ws64 rfc1350').split()}
if len(sys.argv) != 3:
    sys.exit(__doc__)
BIN = {'A': sys.argv[1], 'B': sys.argv[2]}
HPA = os.path.join(WORK, 'pkgs/tftpd-hpa/usr/sbin/in.tftpd')
if not os.access(HPA, os.X_OK):
    HPA = os.path.join(BUILD, 'peers/tftpd-hpa/root/usr/sbin/in.tftpd')
ATFTPD = os.path.join(WORK, 'pkgs/atftpd/usr/sbin/atftpd')


def free_port():
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.bind(('127.0.0.1', 0))
    p = s.getsockname()[1]
    s.close()
    return p


def listening(port):
    h = '%04X' % port
    for _ in range(50):
        if any(f'0100007F:{h} ' in l for l in open('/proc/net/udp')):
            return True
        time.sleep(0.1)
    return False


root = tempfile.mkdtemp(prefix='netpoke-ab-', dir='/dev/shm')
os.chmod(root, 0o755)
ref = os.urandom(SIZE << 20)
with open(root + '/f', 'wb') as f:
    f.write(ref)
os.chmod(root + '/f', 0o644)
servers, procs = {}, []
p = free_port()
procs.append(subprocess.Popen(['taskset', '-c', '0', HPA, '-L', '-a', f'127.0.0.1:{p}', '-s', root, '-B', '65464'],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
servers['hpa'] = p
if os.access(ATFTPD, os.X_OK):
    p = free_port()
    procs.append(subprocess.Popen(['taskset', '-c', '0', ATFTPD, '--daemon', '--no-fork', '--bind-address', '127.0.0.1',
                                   '--port', str(p), '--user', 'nobody', '--group', 'nogroup', '--no-multicast',
                                   '--logfile', '/dev/null', '--verbose=1', root],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
    servers['atftpd'] = p
try:
    for s, p in servers.items():
        assert listening(p), s
    out = tempfile.mkdtemp(dir='/dev/shm')
    res = {}
    for rnd in range(ROUNDS):
        for pl in PLACEMENTS:
            pin = {'same': ['taskset', '-c', '0'], 'split': ['taskset', '-c', '1'], 'free': []}[pl]
            for sv, port in servers.items():
                for st, args in SETS.items():
                    for who in (['A', 'B'] if rnd % 2 == 0 else ['B', 'A']):
                        o = out + '/o'
                        if os.path.exists(o):
                            os.unlink(o)
                        cmd = pin + [BIN[who], 'tftp', 'get', f'tftp://127.0.0.1:{port}/f', '-o', o, '--quiet'] + args
                        t = time.perf_counter()
                        pr = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                              stderr=subprocess.DEVNULL)
                        _, status, ru = os.wait4(pr.pid, 0)
                        dt = time.perf_counter() - t
                        ok = status == 0 and open(o, 'rb').read() == ref
                        res.setdefault((pl, sv, st, who), []).append((SIZE / dt if ok else 0, ru.ru_utime + ru.ru_stime))
        print('round', rnd + 1, 'done', file=sys.stderr)
    print(f"{SIZE} MiB, {ROUNDS} rounds alternating; MiB/s = median wall rate; cpu = median client user+sys s")
    print(f"A = {BIN['A']}\nB = {BIN['B']}")
    print(f"{'placement server set':26} {'A MiB/s':>9} {'B MiB/s':>9} {'B/A':>5}   {'A cpu':>6} {'B cpu':>6}  fails")
    for pl in PLACEMENTS:
        for sv in servers:
            for st in SETS:
                a = res[(pl, sv, st, 'A')]
                b = res[(pl, sv, st, 'B')]
                ra = statistics.median(x[0] for x in a)
                rb = statistics.median(x[0] for x in b)
                ca = statistics.median(x[1] for x in a)
                cb = statistics.median(x[1] for x in b)
                fails = sum(1 for x in a + b if x[0] == 0)
                print(f"{pl + ' ' + sv + ' ' + st:26} {ra:9.1f} {rb:9.1f} {rb / ra if ra else 0:5.2f}   {ca:6.3f} {cb:6.3f}  {fails}")
finally:
    for pr in procs:
        pr.terminate()
    subprocess.run(['rm', '-rf', root])
