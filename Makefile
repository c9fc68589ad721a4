# Amparo — the two commands a person needs:
#   make run     install what is missing, build, open the app on its default store
#   make check   build and run every test headless; ends "tests: N passed, M failed"

BUILDDIR ?= build
MESON_SETUP_ARGS ?= --buildtype=debugoptimized

# Debian 12 packages the build, the tests and the screenshots need.
PACKAGES = build-essential meson ninja-build pkg-config gettext \
	libgtk-4-dev libadwaita-1-dev libsoup-3.0-dev libsqlite3-dev \
	libjson-glib-dev libxml2-dev libsecret-1-dev libcairo2-dev libpango1.0-dev \
	desktop-file-utils appstream appstream-util xvfb xauth libgl1-mesa-dri \
	librsvg2-common dbus dbus-x11 gnome-keyring libsecret-tools \
	python3 python3-icalendar poppler-utils imagemagick x11-utils \
	clang libclang-rt-14-dev flatpak-builder adwaita-icon-theme fonts-cantarell \
	wordpress mariadb-server apache2 libapache2-mod-php php-mysql \
	libpq-dev postgresql-15 postgresql-contrib \
	python3-pyatspi at-spi2-core libical-dev
# perf benchmarks: start-up against GNOME Text Editor, CSV import against sqlite3
PACKAGES += gnome-text-editor sqlite3
# country and language names with their translations (#9)
PACKAGES += iso-codes
# documents in the case file (#18): PDF thumbnails, the export zip
PACKAGES += libpoppler-glib-dev libarchive-dev

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# Uninstalled runs find the compiled schema and translations in the build.
RUN_ENV = GSETTINGS_SCHEMA_DIR=$(CURDIR)/$(BUILDDIR)/resources \
	AMPARO_LOCALEDIR=$(CURDIR)/$(BUILDDIR)/po

.PHONY: all deps build run check screenshots bench fuzz kill-storm clean

all: build

deps:
	@missing=$$(for p in $(PACKAGES); do \
	    dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; \
	  done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing: $$missing"; \
	  $(SUDO) apt-get update -q && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q --no-install-recommends $$missing; \
	fi

$(BUILDDIR)/build.ninja:
	meson setup $(BUILDDIR) $(MESON_SETUP_ARGS)

build: deps $(BUILDDIR)/build.ninja
	ninja -C $(BUILDDIR)

# Only what running needs, so the window opens without building the tests.
RUN_TARGETS = src/amparo resources/gschemas.compiled po/es/LC_MESSAGES/amparo.mo

run: deps $(BUILDDIR)/build.ninja
	ninja -C $(BUILDDIR) $(RUN_TARGETS)
	$(RUN_ENV) ./$(BUILDDIR)/src/amparo $(ARGS)

# meson's own exit status is kept; the summary line counts every GTest case
# (TAP) and every other test as one. Timeouts are ten times each test's own
# (300 s for one that sets none): they catch hangs, and a CI machine running
# many tests at once must not fail a test for being slow.
check: build
	@rc=0; \
	xvfb-run -a -s '-screen 0 1280x1024x24' dbus-run-session -- \
	  meson test -C $(BUILDDIR) --no-rebuild --print-errorlogs --timeout-multiplier 10 $(TESTARGS) || rc=$$?; \
	python3 tests/summarize.py $(BUILDDIR)/meson-logs/testlog.json; \
	exit $$rc

screenshots: build
	tests/screenshots/take.sh $(BUILDDIR)

bench: build
	meson test -C $(BUILDDIR) --benchmark --verbose

fuzz: build
	tests/fuzz/run-fuzz.sh 300

# SIGKILLs of real amparo processes during imports, exports and backups,
# each followed by the checks an administrator would make (#11).
KILLS ?= 300
kill-storm: build
	bash tests/store/kill-storm.sh $(BUILDDIR)/src/amparo $(KILLS)

clean:
	rm -rf $(BUILDDIR)
