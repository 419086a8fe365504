#!/usr/bin/env bash
# OpenSSH for the SSH and SFTP node tests: 127.0.0.1:2222 (22 is left to the host), user weft with
# password weft-pass, and two authorized keys generated into /tmp/weft-sshd/: id_ed25519 (no
# passphrase) and id_rsa_pass (passphrase weft-key-pass). Starts sshd only when nothing answers.
set -euo pipefail

PORT=2222
KEYS=/tmp/weft-sshd
answers() { timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$PORT && head -c 4 <&3" 2>/dev/null | grep -q SSH; }

if ! [ -x /usr/sbin/sshd ]; then
  apt-get update -qq
  # Another script may be installing at the same time: wait for dpkg's lock rather than fail.
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq openssh-server >/dev/null
fi

# The test user (shared with vsftpd.sh).
id weft >/dev/null 2>&1 || useradd --create-home --shell /bin/bash weft
echo 'weft:weft-pass' | chpasswd

mkdir -p "$KEYS"
[ -f "$KEYS/id_ed25519" ] || ssh-keygen -q -t ed25519 -N '' -C weft-test -f "$KEYS/id_ed25519"
[ -f "$KEYS/id_rsa_pass" ] || ssh-keygen -q -t rsa -b 2048 -m PEM -N 'weft-key-pass' -C weft-test-pass -f "$KEYS/id_rsa_pass"
chmod 644 "$KEYS"/id_ed25519 "$KEYS"/id_rsa_pass # the tests run as any user; these keys guard nothing else
install -d -m 700 -o weft -g weft /home/weft/.ssh
cat "$KEYS/id_ed25519.pub" "$KEYS/id_rsa_pass.pub" > /home/weft/.ssh/authorized_keys
chown weft:weft /home/weft/.ssh/authorized_keys && chmod 600 /home/weft/.ssh/authorized_keys

# Without PAM: PAM holds back every failed password for about 2 s, which under a busy test run
# pushes the credential test's wrong-password case past its 5 s step limit.
cat > /etc/ssh/sshd_config.weft.new <<CONF
ListenAddress 127.0.0.1
Port $PORT
PasswordAuthentication yes
KbdInteractiveAuthentication no
PubkeyAuthentication yes
UsePAM no
PermitRootLogin no
AllowUsers weft
Subsystem sftp internal-sftp
PidFile /run/sshd.weft.pid
CONF

# A running sshd with this very configuration is kept; one started from an older one is replaced.
if answers && cmp -s /etc/ssh/sshd_config.weft.new /etc/ssh/sshd_config.weft; then rm /etc/ssh/sshd_config.weft.new; exit 0; fi
if [ -f /run/sshd.weft.pid ]; then kill "$(cat /run/sshd.weft.pid)" 2>/dev/null || true; for _ in $(seq 1 25); do answers || break; sleep 0.2; done; fi
mv /etc/ssh/sshd_config.weft.new /etc/ssh/sshd_config.weft
ssh-keygen -A >/dev/null
mkdir -p /run/sshd && chmod 755 /run/sshd
/usr/sbin/sshd -f /etc/ssh/sshd_config.weft

for _ in $(seq 1 50); do answers && exit 0; sleep 0.2; done
echo "sshd does not answer on 127.0.0.1:$PORT" >&2
exit 1
