#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# A real WordPress (Debian 12's `wordpress` package) for the web tests,
# on 127.0.0.1 only and on free ports, in a temporary folder that is
# removed afterwards:
#
#   wp-site.sh PROGRAM [ARGS...]
#
# brings up MariaDB and Apache with mod_php, installs three sites from PHP
# and runs PROGRAM with, in its environment:
#   AMPARO_WP_PRETTY      http://127.0.0.1:P1  pretty permalinks, "local"
#   AMPARO_WP_PLAIN       http://127.0.0.1:P2  plain permalinks (no /wp-json)
#   AMPARO_WP_PRODUCTION  http://127.0.0.1:P3  same site as P1, environment
#                         "production": application passwords off over http
#   AMPARO_WP_REDIRECT    http://127.0.0.1:P4  answers 301 to P1 for everything
#   AMPARO_WP_NOAPI       http://127.0.0.1:P5  same site as P1, not announcing
#                         its REST API (a site that turned it off): feed only
#   AMPARO_WP_ADMIN       "php /tmp/…/wp-admin-do.php": runs PHP in the site
#   AMPARO_WP_<USER>_PASSWORD  application passwords of the users admin,
#                         editor, author, author2 (see wp-setup.php)
# Every site: time zone America/Los_Angeles, feeds with summaries only.
# Nothing is configured system-wide: Apache and MariaDB read only files in
# the temporary folder, and both are stopped on every exit.
#
# Exit status: PROGRAM's; 77 (skip) when the packages are missing and
# cannot be installed.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
packages="wordpress mariadb-server apache2 libapache2-mod-php php-mysql"

missing=""
for p in $packages; do
  dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q 'install ok installed' \
    || missing="$missing $p"
done
if [ -n "$missing" ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "# installing$missing" >&2
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -q \
      --no-install-recommends $missing >&2 || exit 77
  else
    echo "# skipped: missing$missing (make deps installs them)" >&2
    exit 77
  fi
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/amparo-wp.XXXXXX")
mysqld_pid=""
apache_pid=""
# Both servers run in the foreground as children of this script and are
# stopped on any exit. Apache gets a session of its own: on shutdown it
# signals its whole process group, which must not be this script's.
cleanup () {
  for pid in $apache_pid $mysqld_pid; do
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
chmod 755 "$tmp"

free_port () {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
db_port=$(free_port)
p1=$(free_port); p2=$(free_port); p3=$(free_port); p4=$(free_port); p5=$(free_port)

# MariaDB: a private data folder, TCP on loopback, no grant tables (the
# only client is this test's WordPress).
as_root=""
[ "$(id -u)" = 0 ] && as_root="--user=root"
mkdir -p "$tmp/db"
mariadb-install-db --no-defaults --datadir="$tmp/db" $as_root --skip-test-db \
  --auth-root-authentication-method=normal >"$tmp/db-install.log" 2>&1 \
  || { cat "$tmp/db-install.log" >&2; exit 1; }
mariadbd --no-defaults --datadir="$tmp/db" $as_root --socket="$tmp/db.sock" \
  --port="$db_port" --bind-address=127.0.0.1 --skip-grant-tables --skip-name-resolve \
  --pid-file="$tmp/db.pid" --log-error="$tmp/db.log" --innodb-buffer-pool-size=32M \
  --skip-log-bin --open-files-limit=4096 &
mysqld_pid=$!
i=0
until mariadb-admin --no-defaults --socket="$tmp/db.sock" ping >/dev/null 2>&1; do
  i=$((i + 1))
  if [ $i -gt 300 ] || ! kill -0 "$mysqld_pid" 2>/dev/null; then
    cat "$tmp/db.log" >&2; exit 1
  fi
  sleep 0.1
done
mariadb --no-defaults --socket="$tmp/db.sock" -e 'CREATE DATABASE wordpress'

# WordPress: Debian's files, our own wp-config.php. Debian's wp-config.php
# only reads /etc/wordpress, so ABSPATH points at a folder of links to
# the package's files with a config of our own next to them.
site="$tmp/wp"
mkdir -p "$site/wp-content/uploads" "$site/wp-content/mu-plugins"
for f in /usr/share/wordpress/*; do
  [ "$(basename "$f")" = wp-config.php ] || [ "$(basename "$f")" = wp-content ] \
    || ln -s "$f" "$site/$(basename "$f")"
done
ln -s /usr/share/wordpress/wp-content/plugins "$site/wp-content/plugins"
ln -s /usr/share/wordpress/wp-content/themes "$site/wp-content/themes"
cat >"$site/wp-content/mu-plugins/amparo-test.php" <<EOF
<?php
if (isset(\$_SERVER['SERVER_PORT']) && \$_SERVER['SERVER_PORT'] == '$p5') {
  remove_action('template_redirect', 'rest_output_link_header', 11);
}
EOF
cat >"$tmp/prepend.php" <<EOF
<?php define('ABSPATH', '$site/');
EOF
cat >"$site/wp-config.php" <<EOF
<?php
\$port = isset(\$_SERVER['SERVER_PORT']) ? \$_SERVER['SERVER_PORT'] : getenv('AMPARO_WP_PORT');
define('DB_NAME', 'wordpress');
define('DB_USER', 'root');
define('DB_PASSWORD', '');
define('DB_HOST', '127.0.0.1:$db_port');
define('DB_CHARSET', 'utf8mb4');
define('WP_CONTENT_DIR', '$site/wp-content');
define('AUTOMATIC_UPDATER_DISABLED', true);
define('DISABLE_WP_CRON', true);
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('AUTH_KEY', 'amparo-test'); define('SECURE_AUTH_KEY', 'amparo-test');
define('LOGGED_IN_KEY', 'amparo-test'); define('NONCE_KEY', 'amparo-test');
define('AUTH_SALT', 'amparo-test'); define('SECURE_AUTH_SALT', 'amparo-test');
define('LOGGED_IN_SALT', 'amparo-test'); define('NONCE_SALT', 'amparo-test');
if (\$port == '$p2') {
  \$table_prefix = 'plain_';
} else {
  \$table_prefix = 'wp_';
}
define('WP_ENVIRONMENT_TYPE', \$port == '$p3' ? 'production' : 'local');
define('WP_HOME', 'http://127.0.0.1:' . \$port);
define('WP_SITEURL', 'http://127.0.0.1:' . \$port);
require_once ABSPATH . 'wp-settings.php';
EOF

# Apache: only the modules it needs, every file in the temporary folder.
mkdir -p "$tmp/apache"
run_user=""
if [ "$(id -u)" = 0 ]; then
  run_user="User www-data
Group www-data"
  chown -R www-data:www-data "$site/wp-content/uploads"
fi
mods=/usr/lib/apache2/modules
cat >"$tmp/apache/apache.conf" <<EOF
ServerRoot "$tmp/apache"
ServerName 127.0.0.1
PidFile "$tmp/apache/apache.pid"
DefaultRuntimeDir "$tmp/apache"
Mutex file:$tmp/apache default
ErrorLog "$tmp/apache/error.log"
LogLevel warn
$run_user
LoadModule mpm_prefork_module $mods/mod_mpm_prefork.so
LoadModule authz_core_module $mods/mod_authz_core.so
LoadModule dir_module $mods/mod_dir.so
LoadModule mime_module $mods/mod_mime.so
LoadModule alias_module $mods/mod_alias.so
LoadModule php_module $mods/libphp8.2.so
StartServers 2
MinSpareServers 1
MaxSpareServers 4
MaxRequestWorkers 8
Timeout 20
TypesConfig /etc/mime.types
Listen 127.0.0.1:$p1
Listen 127.0.0.1:$p2
Listen 127.0.0.1:$p3
Listen 127.0.0.1:$p4
Listen 127.0.0.1:$p5
<FilesMatch "\.php\$">
  SetHandler application/x-httpd-php
</FilesMatch>
php_admin_value auto_prepend_file "$tmp/prepend.php"
php_admin_value error_log "$tmp/apache/php.log"
DocumentRoot "$site"
DirectoryIndex index.php
<Directory />
  Options FollowSymLinks
  AllowOverride None
  Require all granted
</Directory>
# Pretty permalinks: every unknown path goes to WordPress.
<VirtualHost 127.0.0.1:$p1>
  FallbackResource /index.php
</VirtualHost>
<VirtualHost 127.0.0.1:$p3>
  FallbackResource /index.php
</VirtualHost>
<VirtualHost 127.0.0.1:$p5>
  FallbackResource /index.php
</VirtualHost>
# Plain permalinks: /wp-json/ does not exist, only ?rest_route=.
<VirtualHost 127.0.0.1:$p2>
</VirtualHost>
# The site moved: every request is sent on to P1 with a 301.
<VirtualHost 127.0.0.1:$p4>
  Redirect 301 / http://127.0.0.1:$p1/
</VirtualHost>
EOF
# The apache2 binary wants the variables Debian's apachectl sets.
APACHE_RUN_DIR="$tmp/apache" APACHE_LOCK_DIR="$tmp/apache" APACHE_LOG_DIR="$tmp/apache" \
  setsid apache2 -f "$tmp/apache/apache.conf" -DFOREGROUND &
apache_pid=$!
i=0
until python3 -c 'import socket, sys; socket.create_connection(("127.0.0.1", int(sys.argv[1])), 1)' "$p1" 2>/dev/null; do
  i=$((i + 1))
  if [ $i -gt 300 ] || ! kill -0 "$apache_pid" 2>/dev/null; then
    cat "$tmp/apache/error.log" >&2; exit 1
  fi
  sleep 0.1
done

# The sites' content and users, written from PHP.
cat >"$tmp/wp-admin-do.php" <<EOF
<?php
// php wp-admin-do.php PORT 'PHP CODE': runs the code inside the site.
\$_SERVER['HTTP_HOST'] = '127.0.0.1:' . \$argv[1];
\$_SERVER['SERVER_PORT'] = \$argv[1];
\$_SERVER['REQUEST_URI'] = '/';
define('ABSPATH', '$site/');
define('WP_INSTALLING', getenv('AMPARO_WP_INSTALLING') ? true : false);
require ABSPATH . 'wp-load.php';
eval(\$argv[2]);
EOF
AMPARO_WP_INSTALLING=1 php "$tmp/wp-admin-do.php" "$p1" \
  "require '$here/wp-setup.php'; amparo_setup_site('pretty');" >"$tmp/pretty.env"
AMPARO_WP_INSTALLING=1 php "$tmp/wp-admin-do.php" "$p2" \
  "require '$here/wp-setup.php'; amparo_setup_site('plain');" >"$tmp/plain.env"

set -a
. "$tmp/pretty.env"
. "$tmp/plain.env"
set +a
AMPARO_WP_PRETTY="http://127.0.0.1:$p1"
AMPARO_WP_PLAIN="http://127.0.0.1:$p2"
AMPARO_WP_PRODUCTION="http://127.0.0.1:$p3"
AMPARO_WP_REDIRECT="http://127.0.0.1:$p4"
AMPARO_WP_NOAPI="http://127.0.0.1:$p5"
AMPARO_WP_ADMIN="php $tmp/wp-admin-do.php"
AMPARO_WP_DIR="$tmp"
export AMPARO_WP_PRETTY AMPARO_WP_PLAIN AMPARO_WP_PRODUCTION AMPARO_WP_REDIRECT AMPARO_WP_NOAPI \
  AMPARO_WP_ADMIN AMPARO_WP_DIR

rc=0
"$@" || rc=$?
if [ $rc -ne 0 ] && [ $rc -ne 77 ]; then
  for log in "$tmp/apache/error.log" "$tmp/apache/php.log"; do
    [ -s "$log" ] && { echo "# $log:"; sed 's/^/# /' "$log" | tail -40; } >&2
  done
fi
exit $rc
