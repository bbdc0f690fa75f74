# dossier - build, test, demo, install.
#
#   make            build build/dossier
#   make demo       install what is missing, build, render the sample dossiers
#   make test       install what is missing, run all tests (also under ASan+UBSan),
#                   including the hostile corpus (tests/hostile/) and fault injection
#   make valgrind   the end-to-end tests with every run of dossier under valgrind
#   make bench      speed and memory figures
#   make install PREFIX=/usr/local DESTDIR=
#   make clean
#
# libharu, iniparser and libcsv ship no pkg-config file on Debian 12; their flags
# are written out below (see ../shared/LIBRARY-NOTES.md).

VERSION   = 1.0.0
PREFIX   ?= /usr/local
DESTDIR  ?=
CC       ?= cc

PKGS      = libcjson libedit libpng libutf8proc libturbojpeg libmicrohttpd
BUILD_DEBS = gcc make pkg-config libhpdf-dev libcjson-dev libiniparser-dev libqpdf-dev libedit-dev libpng-dev libutf8proc-dev libturbojpeg0-dev libmicrohttpd-dev libcsv-dev
# node and npm for the browser tests (tests/web/); a machine with its own node build keeps it
NODE_DEBS := $(if $(shell command -v node 2>/dev/null),,nodejs) $(if $(shell command -v npm 2>/dev/null),,npm)
TEST_DEBS  = qpdf poppler-utils mupdf-tools tmux curl chromium $(NODE_DEBS)

PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) libqpdf 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)
# libqpdf is opened at run time (src/attach.c): its soname, from the .so at build time
QPDF_SONAME := $(shell objdump -p $$(pkg-config --variable=libdir libqpdf 2>/dev/null)/libqpdf.so 2>/dev/null | awk '/SONAME/ { print $$2 }')

OPT      ?= -O2 -g
WARN      = -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
            -Wformat=2 -Wno-format-nonliteral -Wvla
CFLAGS_ALL = -std=c11 -D_DEFAULT_SOURCE -D_POSIX_C_SOURCE=200809L -D_GNU_SOURCE \
            -DDOSSIER_VERSION='"$(VERSION)"' $(if $(QPDF_SONAME),-DQPDF_SONAME='"$(QPDF_SONAME)"') $(WARN) $(OPT) \
            $(PKG_CFLAGS) -I/usr/include/iniparser $(CFLAGS)
LIBS      = -lhpdf $(PKG_LIBS) -liniparser -lcsv -lm -ldl

SRC   := $(wildcard src/*.c)
LIBSRC := $(filter-out src/main.c,$(SRC))

# Normal build and the sanitizer build live side by side.
B    = build
BSAN = build/san
SANFLAGS = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all

OBJ     = $(SRC:src/%.c=$(B)/obj/%.o)
SANOBJ  = $(SRC:src/%.c=$(BSAN)/obj/%.o)
LIBOBJ  = $(LIBSRC:src/%.c=$(B)/obj/%.o)
SANLIBOBJ = $(LIBSRC:src/%.c=$(BSAN)/obj/%.o)

UNITSRC := $(wildcard tests/unit/*.c)
TOOLSRC := $(wildcard tests/tools/*.c)

.PHONY: all demo test check deps-build deps-test bench install uninstall clean san fuzz fuzz-build valgrind docs

all: $(B)/dossier $(B)/dossier.1

# V=1 shows the full compiler command lines.
Q = $(if $(V),,@)
say = $(if $(V),,@printf '  %-6s %s\n' $(1) $(2))

$(B)/obj/%.o: src/%.c | $(B)/obj
	$(call say,CC,$<)
	$(Q)$(CC) $(CFLAGS_ALL) -MMD -MP -c $< -o $@

$(BSAN)/obj/%.o: src/%.c | $(BSAN)/obj
	$(call say,CC-SAN,$<)
	$(Q)$(CC) $(CFLAGS_ALL) $(SANFLAGS) -MMD -MP -c $< -o $@

$(B)/dossier: $(OBJ)
	$(call say,LINK,$@)
	$(Q)$(CC) $(OPT) $(LDFLAGS) -o $@ $(OBJ) $(LIBS)

# the man page, made from the program's own --help texts
$(B)/dossier.1: $(B)/dossier docs/mkman.sh
	$(call say,MAN,$@)
	$(Q)DOSSIER_SHARE=$(PREFIX)/share/dossier sh docs/mkman.sh $(B)/dossier $(VERSION) >$@.tmp && mv $@.tmp $@

$(BSAN)/dossier: $(SANOBJ)
	$(call say,LINK,$@)
	$(Q)$(CC) $(OPT) $(SANFLAGS) $(LDFLAGS) -o $@ $(SANOBJ) $(LIBS)

$(B)/unit: $(UNITSRC) $(LIBOBJ) tests/unit/unit.h
	$(call say,LINK,$@)
	$(Q)$(CC) $(CFLAGS_ALL) -Isrc -o $@ $(UNITSRC) $(LIBOBJ) $(LIBS)

$(BSAN)/unit: $(UNITSRC) $(SANLIBOBJ) tests/unit/unit.h
	$(call say,LINK,$@)
	$(Q)$(CC) $(CFLAGS_ALL) $(SANFLAGS) -Isrc -o $@ $(UNITSRC) $(SANLIBOBJ) $(LIBS)

# test tools that use the program's own modules
LIBTOOLS = $(B)/tools/bench_check $(B)/tools/printcheck

$(LIBTOOLS): $(B)/tools/%: tests/tools/%.c $(LIBOBJ) | $(B)/tools
	$(call say,LINK,$@)
	$(Q)$(CC) $(CFLAGS_ALL) -Isrc -o $@ $< $(LIBOBJ) $(LIBS)

$(B)/tools/anoncheck: tests/tools/anoncheck.c $(LIBOBJ) | $(B)/tools
	$(call say,LINK,$@)
	$(Q)$(CC) $(CFLAGS_ALL) -Isrc -o $@ $< $(LIBOBJ) $(LIBS)

$(B)/tools/mkhostile: tests/tools/mkhostile.c | $(B)/tools
	$(call say,CC,$<)
	$(Q)$(CC) $(CFLAGS_ALL) -o $@ $< -lpng -lturbojpeg

# --- fault injection (tests/e2e/t0410): an LD_PRELOAD library, not a program ---
FAULTSHIM = $(B)/tools/faultshim.so

$(FAULTSHIM): tests/tools/faultshim.c | $(B)/tools
	$(call say,CC-SO,$<)
	$(Q)$(CC) $(CFLAGS_ALL) -fPIC -shared -o $@ $< -ldl

$(B)/tools/%: tests/tools/%.c | $(B)/tools
	$(call say,CC,$<)
	$(Q)$(CC) $(CFLAGS_ALL) -Isrc -o $@ $< -lhpdf -lutil

$(B)/obj $(BSAN)/obj $(B)/tools:
	mkdir -p $@

san: $(BSAN)/dossier $(BSAN)/unit

# --- fuzzing (tests/fuzz/) ------------------------------------------------------
#
#   make fuzz                 build the libFuzzer harnesses (clang), make the seed
#                             corpora and run every harness FUZZ_TIME seconds
#   make fuzz FUZZ_TIME=600 FUZZ_ONLY="casus ini"   longer, some harnesses only
#
# The same harness sources are also built with $(CC) as plain replay programs
# (tests/fuzz/replay.c, no libFuzzer) that `make check` uses to re-run the
# crash reproducers in tests/fuzz/regress/ (tests/e2e/t0500-fuzz-regressie.sh).

FUZZ_CC    ?= clang
FUZZ_TIME  ?= 60
FUZZ_JOBS  ?= 1
FUZZ_ONLY  ?=
FUZZ_DEBS   = clang libclang-rt-14-dev
BFUZZ       = build/fuzz
FUZZ_NAMES := $(patsubst tests/fuzz/fuzz_%.c,%,$(wildcard tests/fuzz/fuzz_*.c))
FUZZFLAGS   = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
FUZZOBJ     = $(LIBSRC:src/%.c=$(BFUZZ)/obj/%.o)
FUZZBIN     = $(FUZZ_NAMES:%=$(BFUZZ)/fuzz_%)
FUZZ_DEF    = -DFUZZ_ROOT='"$(CURDIR)"' -Isrc
REPLAY      = $(FUZZ_NAMES:%=$(B)/replay/fuzz_%) $(FUZZ_NAMES:%=$(BSAN)/replay/fuzz_%)

$(BFUZZ)/obj/%.o: src/%.c | $(BFUZZ)/obj
	$(call say,CC-FUZZ,$<)
	$(Q)$(FUZZ_CC) $(CFLAGS_ALL) $(FUZZFLAGS) -fsanitize=fuzzer-no-link -MMD -MP -c $< -o $@

$(BFUZZ)/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz.h $(FUZZOBJ)
	$(call say,LINK,$@)
	$(Q)$(FUZZ_CC) $(CFLAGS_ALL) $(FUZZFLAGS) -fsanitize=fuzzer $(FUZZ_DEF) -o $@ $< $(FUZZOBJ) $(LIBS)

$(B)/replay/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c tests/fuzz/fuzz.h $(LIBOBJ) | $(B)/replay
	$(call say,LINK,$@)
	$(Q)$(CC) $(CFLAGS_ALL) $(FUZZ_DEF) -o $@ $< tests/fuzz/replay.c $(LIBOBJ) $(LIBS)

$(BSAN)/replay/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c tests/fuzz/fuzz.h $(SANLIBOBJ) | $(BSAN)/replay
	$(call say,LINK,$@)
	$(Q)$(CC) $(CFLAGS_ALL) $(SANFLAGS) $(FUZZ_DEF) -o $@ $< tests/fuzz/replay.c $(SANLIBOBJ) $(LIBS)

$(BFUZZ)/obj $(B)/replay $(BSAN)/replay:
	mkdir -p $@

# `make check` replays the reproducers with both builds.
check: $(REPLAY)

fuzz:
	@sh .ci/need-debs $(FUZZ_DEBS)
	@$(MAKE) --no-print-directory fuzz-build
	@FUZZ_TIME=$(FUZZ_TIME) FUZZ_JOBS=$(FUZZ_JOBS) sh tests/fuzz/run.sh $(or $(FUZZ_ONLY),$(FUZZ_NAMES))

fuzz-build: $(FUZZOBJ) $(FUZZBIN)

-include $(FUZZOBJ:.o=.d)
# --- end of fuzzing -------------------------------------------------------------

# --- the two commands of the README ----------------------------------------

deps-build:
	@sh .ci/need-debs $(BUILD_DEBS)

deps-test:
	@sh .ci/need-debs $(BUILD_DEBS) $(TEST_DEBS)
	@[ -d tests/web/node_modules/playwright-core ] && [ -d tests/web/node_modules/axe-core ] || \
		(cd tests/web && npm ci --no-audit --no-fund --loglevel=error)

demo: deps-build
	@$(MAKE) --no-print-directory $(B)/dossier
	@sh tests/demo.sh $(B)/dossier $(B)/demo

test: deps-test
	@$(MAKE) --no-print-directory check

TOOLS = $(filter-out $(B)/tools/faultshim,$(TOOLSRC:tests/tools/%.c=$(B)/tools/%)) $(FAULTSHIM)

check: $(B)/dossier $(B)/dossier.1 $(B)/unit $(BSAN)/dossier $(BSAN)/unit $(TOOLS)
	@sh tests/run.sh

# --- valgrind: the end-to-end tests with every dossier run under memcheck ---
valgrind: deps-test
	@sh .ci/need-debs valgrind
	@$(MAKE) --no-print-directory $(B)/dossier $(TOOLS) $(FUZZ_NAMES:%=$(B)/replay/fuzz_%)
	@sh tests/valgrind.sh

bench: deps-test
	@$(MAKE) --no-print-directory $(B)/dossier $(TOOLS)
	@sh tests/bench.sh $(B)/dossier

docs: $(B)/dossier $(TOOLS)
	$(B)/dossier formulieren --markdown >docs/velden.md
	DOSSIER_SCREENSHOTS=$(CURDIR)/docs DOSSIER=$(CURDIR)/$(B)/dossier TOOLS=$(CURDIR)/$(B)/tools VARIANT=docs bash tests/e2e/t0691-web-browser.sh >/dev/null

# --- install ------------------------------------------------------------------

MANDIR  ?= $(PREFIX)/share/man/man1
COMPDIR ?= $(PREFIX)/share/bash-completion/completions

install: $(B)/dossier $(B)/dossier.1
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/dossier
	install -m 0755 $(B)/dossier $(DESTDIR)$(PREFIX)/bin/dossier
	install -d $(DESTDIR)$(MANDIR) $(DESTDIR)$(COMPDIR)
	install -m 0644 $(B)/dossier.1 $(DESTDIR)$(MANDIR)/dossier.1
	install -m 0644 completion/dossier.bash $(DESTDIR)$(COMPDIR)/dossier
	cp -R forms templates fonts $(DESTDIR)$(PREFIX)/share/dossier/
	install -d $(DESTDIR)$(PREFIX)/share/doc/dossier
	install -m 0644 README.md docs/*.md $(DESTDIR)$(PREFIX)/share/doc/dossier/

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/dossier $(DESTDIR)$(MANDIR)/dossier.1 $(DESTDIR)$(COMPDIR)/dossier
	rm -rf $(DESTDIR)$(PREFIX)/share/dossier $(DESTDIR)$(PREFIX)/share/doc/dossier

clean:
	rm -rf $(B)

-include $(OBJ:.o=.d) $(SANOBJ:.o=.d)
