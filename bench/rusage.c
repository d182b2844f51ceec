// SPDX-License-Identifier: GPL-2.0
/*
 * rusage: run a command and write "STATUS WALL_US CPU_US MAXRSS_KIB" to a
 * file; bench/differ's stand-in for GNU time when /usr/bin/time is missing.
 *
 *   rusage FIGURES-FILE COMMAND [ARG...]
 *
 * The figures are the child's own (wait4), so a small parent matters: the
 * child's peak RSS starts from the parent's RSS at fork, which is why this is
 * C and not a python3 one-liner (python's ~10 MiB would show in every row).
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static long long us(struct timeval tv)
{
	return tv.tv_sec * 1000000LL + tv.tv_usec;
}

int main(int argc, char **argv)
{
	struct timespec t0, t1;
	struct rusage ru;
	int status, code;
	FILE *f;
	pid_t pid;

	if (argc < 3) {
		fprintf(stderr, "usage: rusage FIGURES-FILE COMMAND [ARG...]\n");
		return 127;
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	pid = fork();
	if (pid < 0) {
		perror("rusage: fork");
		return 127;
	}
	if (!pid) {
		execvp(argv[2], argv + 2);
		perror(argv[2]);
		_exit(127);
	}
	if (wait4(pid, &status, 0, &ru) != pid) {
		perror("rusage: wait4");
		return 127;
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
	f = fopen(argv[1], "w");
	if (!f) {
		perror(argv[1]);
		return 127;
	}
	fprintf(f, "%d %lld %lld %ld\n", code,
		(t1.tv_sec - t0.tv_sec) * 1000000LL + (t1.tv_nsec - t0.tv_nsec) / 1000,
		us(ru.ru_utime) + us(ru.ru_stime), ru.ru_maxrss);
	return fclose(f) ? 127 : 0;
}
