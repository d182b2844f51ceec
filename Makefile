# patch-build: build every tool in place, test, install.
#
#   make                 build the tools
#   make check           run every test (unit tests with sanitizers)
#   make bench           run the benchmarks (they print figures);
#                        BENCH_ARGS=--all adds the long ones
#   make install PREFIX=/usr/local DESTDIR=
#   make demo            the main job on Debian's own 6.1 kernel (no kernel build)

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
INCLUDES = -Ilib -Ilookup -Ikmod -Icreate-diff-object -Imodule-tools
ALL_CFLAGS = $(WARNINGS) -std=gnu11 -D_GNU_SOURCE -DPB_VERSION='"$(VERSION)"' \
	     $(INCLUDES) $(CFLAGS)
LDLIBS = -ldwarf -lelf -lZydis

# The tests run sanitized copies of the tools, built apart from the
# ones 'make' builds in place.
SAN_DIR = build/sanitize
SAN_CFLAGS = -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined \
	     -fno-sanitize-recover=undefined

# The folders, one stage each:
#   lib/                 the ELF model, hash tables, the instruction decoder,
#                        DWARF type facts: what every tool stands on
#   lookup/              symbol resolution against the target kernel
#   create-diff-object/  the differ's passes
#   module-tools/        post-link, the module checker (klp ELF helpers) and
#                        the rebuild check
#   kmod/                the patch module template and the shared records
LIB_SRCS = lib/cli.c lib/elf-model.c lib/elf-write.c lib/hash.c lib/insn.c
DWARF_SRCS = lib/dwarf-types.c
LOOKUP_LIB_SRCS = lookup/lookup.c lookup/block.c lookup/exports.c
CDO_PASS_SRCS = $(addprefix create-diff-object/, create-diff-object.c target.c sections.c \
		entries.c reference.c types.c correlate.c compare.c include.c output.c \
		special.c checks.c lines.c ignore.c anon.c klp.c new-symbols.c report.c)
CDO_SRCS = $(LIB_SRCS) $(DWARF_SRCS) $(LOOKUP_LIB_SRCS) $(CDO_PASS_SRCS)
KLP_SRCS = $(LIB_SRCS) module-tools/klp-elf.c
POST_LINK_SRCS = $(KLP_SRCS) module-tools/post-link.c
CHECK_MODULE_SRCS = $(KLP_SRCS) $(LOOKUP_LIB_SRCS) $(addprefix module-tools/, check-relocs.c \
		    check-target.c check-klp.c check-records.c check-module.c)
CHECK_REBUILD_SRCS = $(LIB_SRCS) $(LOOKUP_LIB_SRCS) module-tools/check-rebuild.c
LOOKUP_SRCS = $(LIB_SRCS) $(LOOKUP_LIB_SRCS) lookup/main.c
OBJFACTS_SRCS = $(LIB_SRCS) test/unit/objfacts.c
LOOKUP_API_SRCS = $(LIB_SRCS) $(LOOKUP_LIB_SRCS) test/lookup/api.c
# Every header, for the fuzz targets (built from sources in one step).
HEADERS = $(wildcard lib/*.h lookup/*.h create-diff-object/*.h module-tools/*.h) \
	  kmod/patch-records.h

TOOLS = create-diff-object/create-diff-object lookup/lookup \
	module-tools/patch-post-link module-tools/patch-check-module \
	module-tools/patch-check-rebuild
TEST_TOOLS = test/unit/objfacts

# Each source is compiled once per flavour, into build/obj (the tools built
# in place) or build/sanitize/obj (the tests' sanitized copies), with a
# dependency file beside each object.
OBJ_DIR = build/obj
SAN_OBJ_DIR = $(SAN_DIR)/obj
objs = $(patsubst %.c,$(OBJ_DIR)/%.o,$(1))
san_objs = $(patsubst %.c,$(SAN_OBJ_DIR)/%.o,$(1))

$(OBJ_DIR)/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

$(SAN_OBJ_DIR)/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(SAN_CFLAGS) -MMD -MP -c -o $@ $<

# The dependency files name targets of their own: 'make' alone builds all.
.DEFAULT_GOAL := all
-include $(shell find build/obj build/sanitize/obj -name '*.d' 2>/dev/null)

.PHONY: all check check-unit check-lookup check-module check-module-qemu check-integration \
	kernel-fixture check-kernel-objects check-driver check-integration-6.12 bench install demo clean shellcheck \
	check-lint
.PHONY: fuzz fuzz-build check-fuzz-regress check-fuzz
all: $(TOOLS)

create-diff-object/create-diff-object: $(call objs,$(CDO_SRCS))
	$(CC) $(ALL_CFLAGS) -o $@ $^ $(LDLIBS)

lookup/lookup: $(call objs,$(LOOKUP_SRCS))
	$(CC) $(ALL_CFLAGS) -o $@ $^ -lelf -lZydis

module-tools/patch-post-link: $(call objs,$(POST_LINK_SRCS))
	$(CC) $(ALL_CFLAGS) -o $@ $^ $(LDLIBS)

module-tools/patch-check-module: $(call objs,$(CHECK_MODULE_SRCS))
	$(CC) $(ALL_CFLAGS) -o $@ $^ $(LDLIBS)

module-tools/patch-check-rebuild: $(call objs,$(CHECK_REBUILD_SRCS))
	$(CC) $(ALL_CFLAGS) -o $@ $^ -lelf -lZydis

test/unit/objfacts: $(call objs,$(OBJFACTS_SRCS))
	$(CC) $(ALL_CFLAGS) -o $@ $^ $(LDLIBS)

$(SAN_DIR)/create-diff-object: $(call san_objs,$(CDO_SRCS))
	$(CC) $(ALL_CFLAGS) $(SAN_CFLAGS) -o $@ $^ $(LDLIBS)

$(SAN_DIR)/lookup: $(call san_objs,$(LOOKUP_SRCS))
	$(CC) $(ALL_CFLAGS) $(SAN_CFLAGS) -o $@ $^ -lelf -lZydis

$(SAN_DIR)/lookup-api: $(call san_objs,$(LOOKUP_API_SRCS))
	$(CC) $(ALL_CFLAGS) $(SAN_CFLAGS) -o $@ $^ -lelf -lZydis

$(SAN_DIR)/patch-post-link: $(call san_objs,$(POST_LINK_SRCS))
	$(CC) $(ALL_CFLAGS) $(SAN_CFLAGS) -o $@ $^ $(LDLIBS)

$(SAN_DIR)/patch-check-module: $(call san_objs,$(CHECK_MODULE_SRCS))
	$(CC) $(ALL_CFLAGS) $(SAN_CFLAGS) -o $@ $^ $(LDLIBS)

$(SAN_DIR)/patch-check-rebuild: $(call san_objs,$(CHECK_REBUILD_SRCS))
	$(CC) $(ALL_CFLAGS) $(SAN_CFLAGS) -o $@ $^ -lelf -lZydis

$(SAN_DIR)/objfacts: $(call san_objs,$(OBJFACTS_SRCS))
	$(CC) $(ALL_CFLAGS) $(SAN_CFLAGS) -o $@ $^ $(LDLIBS)

# test/module's tool that breaks modules on purpose.
$(SAN_DIR)/modtool: $(call san_objs,$(KLP_SRCS) test/module/modtool.c)
	$(CC) $(ALL_CFLAGS) $(SAN_CFLAGS) -o $@ $^ $(LDLIBS)

SAN_TOOLS = $(SAN_DIR)/create-diff-object $(SAN_DIR)/objfacts

# A skipped test proved nothing: under make check (and CI) a skip is a
# failure unless the test declares that it does not apply (test/lib/tap.sh).
check: export PB_STRICT := 1

# The lints come first (a second); then the test kernel: the tests after it
# use it (built once, cached).
check: check-lint kernel-fixture check-qemu-runner check-unit check-lookup check-module check-kernel-objects \
	check-module-qemu check-driver check-bad-input check-integration check-distro check-chroot check-matrix \
	shellcheck check-fuzz-regress check-fuzz

kernel-fixture:
	test/kernel/build --print-dir

# The VM runner that every QEMU test and patch-verify stand on.
.PHONY: check-qemu-runner
check-qemu-runner:
	test/kernel/qemu-runner

# The differ on real kernel objects, and the whole-tree identity check.
check-kernel-objects: all
	PB_REQUIRE_KERNEL=1 test/kernel-objects/run
	test/kernel-objects/identity

check-driver: all
	test/driver/run

# Bad input to the driver and the differ, and the driver's resource hygiene.
.PHONY: check-bad-input
check-bad-input: all $(SAN_DIR)/create-diff-object
	PB_CDO=$(SAN_DIR)/create-diff-object test/bad-input/run

# Distro mode against Debian's own kernel, proven under QEMU (fetches the
# packages into the cache once; not part of 'make check').
.PHONY: check-distro
check-distro: all
	test/distro/run

# The chroot of a kernel's own Debian release (its compiler): made once in
# the cache (about 2.5 min), then a C file and a test-kernel object compiled
# inside.  Part of 'make check'.
.PHONY: check-chroot
check-chroot: all
	test/chroot/run

# The build matrix: one fix for three of Debian's kernels and an unknown
# one, locally, merged, and through a one-node Slurm cluster that the test
# starts on localhost and stops.
.PHONY: check-matrix
check-matrix: all
	test/matrix/run

# The integration corpus: patches built with patch-build and proven on the
# booted test kernel with patch-verify (test/integration/cases).
check-integration: all
	test/integration/run

# The corpus on the 6.12 test kernel (built on first use, which is long).
check-integration-6.12: all
	test/integration/run --version 6.12

# Post-link and the module checker on synthetic modules (no kernel needed),
# and the rebuild check on compiled C.
check-module: $(SAN_DIR)/patch-post-link $(SAN_DIR)/patch-check-module $(SAN_DIR)/modtool \
	      $(SAN_DIR)/patch-check-rebuild
	POST_LINK=$(SAN_DIR)/patch-post-link CHECK_MODULE=$(SAN_DIR)/patch-check-module \
		MODTOOL=$(SAN_DIR)/modtool test/module/run
	CHECK_REBUILD=$(SAN_DIR)/patch-check-rebuild test/module/rebuild

# A module built from the template loads and works under QEMU.
check-module-qemu: module-tools/patch-post-link module-tools/patch-check-module
	POST_LINK=module-tools/patch-post-link CHECK_MODULE=module-tools/patch-check-module test/module/qemu-smoke

check-lookup: $(SAN_DIR)/lookup $(SAN_DIR)/lookup-api
	LOOKUP=$(SAN_DIR)/lookup LOOKUP_API=$(SAN_DIR)/lookup-api test/lookup/run

check-unit: $(SAN_TOOLS) $(SAN_DIR)/patch-check-module
	CDO=$(SAN_DIR)/create-diff-object OBJFACTS=$(SAN_DIR)/objfacts \
		CHECK_MODULE=$(SAN_DIR)/patch-check-module test/unit/run

# Shell lints of our own (test/lint/): a pipe into a reader that stops
# early, under pipefail.
check-lint:
	test/lint/run

shellcheck:
	shellcheck -S warning .ci/run $(shell grep -lE '^#!.*(ba)?sh' scripts/* kmod/namespace-imports test/*/run \
		test/*/*[!.]* bench/* fuzz/* 2>/dev/null | grep -v '\.c$$' | sort -u)

# libFuzzer targets over the ELF model and the differ (clang); fuzz/run says
# where the corpus and the findings go.  make fuzz FUZZ_TIME=SECONDS
FUZZ_DIR = build/fuzz
FUZZ_TIME ?= 300
FUZZ_CC = clang
FUZZ_CFLAGS = -O1 -g -fno-omit-frame-pointer -fsanitize=fuzzer,address,undefined \
	      -fno-sanitize-recover=undefined -Ifuzz
FUZZ_COMMON = fuzz/fuzz-file.c fuzz/fuzz.h

$(FUZZ_DIR)/fuzz-elf: fuzz/fuzz-elf.c $(FUZZ_COMMON) $(LIB_SRCS) $(HEADERS)
	@mkdir -p $(FUZZ_DIR)
	$(FUZZ_CC) $(ALL_CFLAGS) $(FUZZ_CFLAGS) -o $@ fuzz/fuzz-elf.c fuzz/fuzz-file.c \
		$(LIB_SRCS) $(LDLIBS)

# The differ runs in process: its main() becomes cdo_main().
$(FUZZ_DIR)/fuzz-diff: fuzz/fuzz-diff.c $(FUZZ_COMMON) $(CDO_SRCS) $(HEADERS)
	@mkdir -p $(FUZZ_DIR)
	$(FUZZ_CC) $(ALL_CFLAGS) $(FUZZ_CFLAGS) -Dmain=cdo_main -o $@ fuzz/fuzz-diff.c \
		fuzz/fuzz-file.c $(CDO_SRCS) $(LDLIBS)

fuzz-build: $(FUZZ_DIR)/fuzz-elf $(FUZZ_DIR)/fuzz-diff

# FUZZ_TARGETS: elf, diff or both (the default).
fuzz: fuzz-build
	FUZZ_TIME=$(FUZZ_TIME) FUZZ_DIR=$(FUZZ_DIR) fuzz/run $(FUZZ_TARGETS)

# The inputs the fuzzers found (and hand-made corrupt objects) on the
# sanitized differ, and through the fuzz targets: one clear error, no crash.
check-fuzz-regress: $(SAN_DIR)/create-diff-object fuzz-build
	CDO=$(SAN_DIR)/create-diff-object FUZZ_ELF=$(FUZZ_DIR)/fuzz-elf \
		FUZZ_DIFF=$(FUZZ_DIR)/fuzz-diff test/fuzz/run

# Fuzz each target briefly (FUZZ_CHECK_TIME seconds) from the seeds and the
# regression inputs: a new crash fails the check.
FUZZ_CHECK_TIME ?= 60
check-fuzz: fuzz-build
	FUZZ_CHECK_TIME=$(FUZZ_CHECK_TIME) FUZZ_DIR=$(FUZZ_DIR) test/fuzz/short-run

bench: all
	bench/run $(BENCH_ARGS)

demo: all
	scripts/patch-build-demo

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(DATADIR)/kmod
	install -m 755 $(TOOLS) scripts/patch-build scripts/patch-verify $(DESTDIR)$(BINDIR)/
	install -d $(DESTDIR)$(LIBEXECDIR)
	install -m 755 scripts/patch-build-lines scripts/patch-build-cc-wrapper scripts/patch-build-distro \
		scripts/patch-build-chroot scripts/patch-build-apt scripts/patch-build-matrix \
		scripts/patch-build-initramfs scripts/patch-build-qemu scripts/patch-build-pvh \
		$(DESTDIR)$(LIBEXECDIR)/
	install -d $(DESTDIR)$(LIBEXECDIR)/driver
	install -m 644 scripts/driver/*.sh $(DESTDIR)$(LIBEXECDIR)/driver/
	install -m 644 man/*.1 $(DESTDIR)$(MANDIR)/man1/
	install -m 644 kmod/Kbuild kmod/Makefile kmod/patch-module.c kmod/patch.lds \
		kmod/patch-author.h kmod/README.md kmod/patch-records.h \
		$(DESTDIR)$(DATADIR)/kmod/
	install -m 755 kmod/namespace-imports $(DESTDIR)$(DATADIR)/kmod/
	install -d $(DESTDIR)$(DATADIR)/kmod/compat/linux
	install -m 644 kmod/compat/kpatch-macros.h kmod/compat/kpatch-syscall.h \
		$(DESTDIR)$(DATADIR)/kmod/compat/
	install -m 644 kmod/compat/linux/livepatch_helpers.h $(DESTDIR)$(DATADIR)/kmod/compat/linux/

clean:
	rm -rf build $(TOOLS) $(TEST_TOOLS)
