#!/usr/bin/env bash
# Dovecot for the IMAP trigger tests: 127.0.0.1:143, plain-text login (no TLS), users weft and
# weft-trigger (password weft-pass) from a passwd file, maildir under /var/mail/weft. Installs and starts it only when
# nothing answers on port 143. Its own config file, so a system dovecot.conf is left alone.
set -euo pipefail

CONF=/etc/dovecot/weft.conf
answers() { timeout 2 bash -c 'exec 3<>/dev/tcp/127.0.0.1/143 && head -c 4 <&3' 2>/dev/null | grep -q '^\* OK'; }
# The users (read at each login, so a running dovecot sees changes): weft for most tests, and
# weft-trigger for the trigger test that drops its own connections (doveadm kick).
write_users() {
  mkdir -p /etc/dovecot
  printf '%s\n' 'weft:{PLAIN}weft-pass' 'weft-trigger:{PLAIN}weft-pass' > /etc/dovecot/weft.passwd
  chmod 640 /etc/dovecot/weft.passwd
  chown root:dovecot /etc/dovecot/weft.passwd 2>/dev/null || true
}
if answers; then write_users; exit 0; fi

if ! [ -x /usr/sbin/dovecot ]; then
  apt-get update -qq
  # Another script may be installing at the same time: wait for dpkg's lock rather than fail.
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq dovecot-imapd >/dev/null
fi

# The mail owner: a system user, so mail files never belong to root.
id weftmail >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin weftmail
mkdir -p /var/mail/weft /run/dovecot-weft
chown weftmail:weftmail /var/mail/weft
write_users

cat > "$CONF" <<CONF
protocols = imap
listen = 127.0.0.1
base_dir = /run/dovecot-weft
log_path = /var/log/dovecot-weft.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
first_valid_uid = 1
mail_location = maildir:/var/mail/weft/%u
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u /etc/dovecot/weft.passwd
}
userdb {
  driver = static
  args = uid=weftmail gid=weftmail home=/var/mail/weft/%u
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = 143
  }
  inet_listener imaps {
    port = 0
  }
}
CONF

# Detached from our output, so a caller reading it is not held open by the daemon.
/usr/sbin/dovecot -c "$CONF" </dev/null >/dev/null 2>&1

for _ in $(seq 1 50); do answers && exit 0; sleep 0.2; done
echo "dovecot does not answer on 127.0.0.1:143 (see /var/log/dovecot-weft.log)" >&2
exit 1
