# patch-build: build every tool in place, test, install.
#
#   make                 build the tools
#   make check           run every test (unit tests with sanitizers)
#   make bench           run the benchmarks (they print figures)
#   make install PREFIX=/usr/local DESTDIR=
#   make demo            the main job on an example

VERSION := 0.1
PREFIX ?= /usr/local
DESTDIR ?=
BINDIR = $(PREFIX)/bin
LIBEXECDIR = $(PREFIX)/libexec/patch-build
DATADIR = $(PREFIX)/share/patch-build
MANDIR = $(PREFIX)/share/man

CC ?= gcc
CFLAGS ?= -O2 -g
WARNINGS = -Wall -Wextra -Werror -Wno-missing-field-initializers
ALL_CFLAGS = $(WARNINGS) -std=gnu11 -D_GNU_SOURCE -DPB_VERSION='"$(VERSION)"' \
	     -Icreate-diff-object $(CFLAGS)
LDLIBS = -ldwarf -lelf

# The tests run sanitized copies of the tools, built apart from the
# ones 'make' builds in place.
SAN_DIR = build/sanitize
SAN_CFLAGS = -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined \
	     -fno-sanitize-recover=undefined

ELF_SRCS = create-diff-object/elf-model.c create-diff-object/hash.c
LOOKUP_LIB_SRCS = lookup/lookup.c lookup/block.c lookup/exports.c
CDO_SRCS = $(ELF_SRCS) \
	   create-diff-object/create-diff-object.c \
	   create-diff-object/correlate.c \
	   create-diff-object/compare.c \
	   create-diff-object/include.c \
	   create-diff-object/output.c \
	   create-diff-object/special.c \
	   create-diff-object/dwarf-types.c \
	   create-diff-object/checks.c \
	   create-diff-object/lines.c \
	   create-diff-object/klp.c \
	   $(LOOKUP_LIB_SRCS) \
	   create-diff-object/report.c
OBJFACTS_SRCS = $(ELF_SRCS) test/unit/objfacts.c

HEADERS = $(wildcard create-diff-object/*.h lookup/*.h)

TOOLS = create-diff-object/create-diff-object
TEST_TOOLS = test/unit/objfacts

.PHONY: all check check-unit bench install demo clean shellcheck
all: $(TOOLS)

create-diff-object/create-diff-object: $(CDO_SRCS) $(HEADERS)
	$(CC) $(ALL_CFLAGS) -o $@ $(CDO_SRCS) $(LDLIBS)

test/unit/objfacts: $(OBJFACTS_SRCS) $(HEADERS)
	$(CC) $(ALL_CFLAGS) -o $@ $(OBJFACTS_SRCS) $(LDLIBS)

$(SAN_DIR)/create-diff-object: $(CDO_SRCS) $(HEADERS)
	@mkdir -p $(SAN_DIR)
	$(CC) $(ALL_CFLAGS) $(SAN_CFLAGS) -o $@ $(CDO_SRCS) $(LDLIBS)

$(SAN_DIR)/objfacts: $(OBJFACTS_SRCS) $(HEADERS)
	@mkdir -p $(SAN_DIR)
	$(CC) $(ALL_CFLAGS) $(SAN_CFLAGS) -o $@ $(OBJFACTS_SRCS) $(LDLIBS)

SAN_TOOLS = $(SAN_DIR)/create-diff-object $(SAN_DIR)/objfacts

check: check-unit shellcheck

check-unit: $(SAN_TOOLS)
	CDO=$(SAN_DIR)/create-diff-object OBJFACTS=$(SAN_DIR)/objfacts test/unit/run

shellcheck:
	shellcheck -S warning scripts/install-deps .ci/run $(wildcard test/unit/run test/kernel/build test/kernel/initramfs test/kernel/qemu-run test/kernel/smoke bench/differ)

bench: all
	bench/differ

demo: all
	scripts/demo

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1
	install -m 755 create-diff-object/create-diff-object $(DESTDIR)$(BINDIR)/
	install -m 644 man/create-diff-object.1 $(DESTDIR)$(MANDIR)/man1/

clean:
	rm -rf build $(TOOLS) $(TEST_TOOLS)
