#!/usr/bin/env bash
# vsftpd for the FTP node tests: 127.0.0.1:21, local user weft / weft-pass (home /home/weft,
# writable), passive ports 30000-30100. Installs and starts it only when nothing answers on port 21.
set -euo pipefail

answers() { timeout 2 bash -c 'exec 3<>/dev/tcp/127.0.0.1/21 && head -c 3 <&3' 2>/dev/null | grep -q 220; }
if answers; then exit 0; fi

if ! [ -x /usr/sbin/vsftpd ]; then
  apt-get update -qq
  # Another script may be installing at the same time: wait for dpkg's lock rather than fail.
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq vsftpd >/dev/null
fi

# The test user (shared with sshd.sh): a login shell so PAM and sshd accept it.
id weft >/dev/null 2>&1 || useradd --create-home --shell /bin/bash weft
echo 'weft:weft-pass' | chpasswd
mkdir -p /home/weft && chown weft:weft /home/weft

mkdir -p /var/run/vsftpd/empty
cat > /etc/vsftpd.weft.conf <<'CONF'
listen=YES
listen_ipv6=NO
listen_address=127.0.0.1
listen_port=21
background=YES
anonymous_enable=NO
local_enable=YES
write_enable=YES
local_umask=022
chroot_local_user=NO
pasv_enable=YES
pasv_address=127.0.0.1
pasv_min_port=30000
pasv_max_port=30100
secure_chroot_dir=/var/run/vsftpd/empty
pam_service_name=vsftpd
seccomp_sandbox=NO
xferlog_enable=NO
ssl_enable=NO
CONF

/usr/sbin/vsftpd /etc/vsftpd.weft.conf

for _ in $(seq 1 50); do answers && exit 0; sleep 0.2; done
echo "vsftpd does not answer on 127.0.0.1:21" >&2
exit 1
