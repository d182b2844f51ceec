# shellcheck shell=bash
# SPDX-License-Identifier: GPL-2.0
#
# A one-node Slurm cluster on localhost, for the matrix's tests and bench
# (sourced).  Everything lives in one directory: its own munge key and
# munged socket, a generated slurm.conf (node localhost, proctrack/linuxproc,
# no cgroup plugin), spool, state and logs.  Only the daemons started here
# are ever stopped, by the pids they were started with.
#
#   slurm_cluster_start DIR   start munged, slurmctld and slurmd; exports
#                             SLURM_CONF; returns 1 (the reason on stderr)
#                             when the cluster does not come up
#   slurm_cluster_stop        stop them (safe to call twice; for the trap)
#
# The cluster's partition is 'pbtest'; its node offers every CPU.

slurm_cluster_pids=()

# A TCP port nothing listens on on localhost (a connection is refused).
slurm_free_port() {
	local p
	for _ in $(seq 50); do
		p=$((20000 + RANDOM % 20000))
		if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
			echo "$p"
			return 0
		fi
	done
	return 1
}

slurm_cluster_start() {
	local d=$1 p1 p2 pid i
	for t in munged mungekey slurmctld slurmd sinfo sbatch; do
		command -v "$t" >/dev/null || { echo "slurm cluster: $t not found (scripts/install-deps)" >&2; return 1; }
	done
	mkdir -p "$d/munge" "$d/state" "$d/spool" "$d/log"
	chmod 700 "$d/munge"
	mungekey --create --keyfile="$d/munge/munge.key" --force >/dev/null 2>&1 ||
		{ echo "slurm cluster: mungekey failed" >&2; return 1; }
	chmod 600 "$d/munge/munge.key"
	munged --foreground --force --socket="$d/munge/munge.socket" --key-file="$d/munge/munge.key" \
		--pid-file="$d/munge/munged.pid" --log-file="$d/log/munged.log" \
		--seed-file="$d/munge/munged.seed" >"$d/log/munged.out" 2>&1 &
	slurm_cluster_pids+=($!)
	for ((i = 0; i < 50; i++)); do
		[ -S "$d/munge/munge.socket" ] && break
		sleep 0.1
	done
	[ -S "$d/munge/munge.socket" ] ||
		{ echo "slurm cluster: munged did not start: $(tail -n 3 "$d/log/munged.out" "$d/log/munged.log" 2>/dev/null)" >&2; return 1; }
	p1=$(slurm_free_port) && p2=$(slurm_free_port) || { echo "slurm cluster: no free port" >&2; return 1; }
	[ "$p1" != "$p2" ] || p2=$((p1 + 1))
	cat >"$d/slurm.conf" <<EOF
ClusterName=pbtest
SlurmctldHost=localhost(127.0.0.1)
SlurmctldPort=$p1
SlurmdPort=$p2
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$d/munge/munge.socket
StateSaveLocation=$d/state
SlurmdSpoolDir=$d/spool
SlurmctldPidFile=$d/slurmctld.pid
SlurmdPidFile=$d/slurmd.pid
SlurmctldLogFile=$d/log/slurmctld.log
SlurmdLogFile=$d/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
MpiDefault=none
ReturnToService=2
SchedulerType=sched/builtin
NodeName=localhost NodeAddr=127.0.0.1 CPUs=$(nproc) State=UNKNOWN
PartitionName=pbtest Nodes=localhost Default=YES MaxTime=INFINITE State=UP
EOF
	export SLURM_CONF=$d/slurm.conf
	slurmctld -D -i -f "$d/slurm.conf" >"$d/log/slurmctld.out" 2>&1 &
	slurm_cluster_pids+=($!)
	slurmd -D -N localhost -f "$d/slurm.conf" >"$d/log/slurmd.out" 2>&1 &
	slurm_cluster_pids+=($!)
	# up when the node is idle
	for ((i = 0; i < 300; i++)); do
		for pid in "${slurm_cluster_pids[@]}"; do
			kill -0 "$pid" 2>/dev/null || {
				echo "slurm cluster: a daemon exited: $(tail -n 5 "$d"/log/*.out "$d"/log/*.log 2>/dev/null)" >&2
				return 1
			}
		done
		[ "$(sinfo -h -N -o %t 2>/dev/null)" = idle ] && return 0
		sleep 0.2
	done
	echo "slurm cluster: the node is not idle after 60 s ($(sinfo -h -N -o %t 2>&1)); logs in $d/log" >&2
	return 1
}

slurm_cluster_stop() {
	local pid i
	# the daemons in reverse order: slurmd, slurmctld, munged
	for ((i = ${#slurm_cluster_pids[@]} - 1; i >= 0; i--)); do
		pid=${slurm_cluster_pids[i]}
		kill -TERM "$pid" 2>/dev/null || continue
		for _ in $(seq 50); do
			kill -0 "$pid" 2>/dev/null || break
			sleep 0.1
		done
		kill -KILL "$pid" 2>/dev/null || true
		wait "$pid" 2>/dev/null || true
	done
	slurm_cluster_pids=()
}
