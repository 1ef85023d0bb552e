/** Kernel-ish boot and shutdown lines, so the console shows something a sysadmin recognises. */

export function bootLog(vmName: string, cpus: number, memMB: number): string[] {
  const t = (s: number) => `[${s.toFixed(6).padStart(12)}]`;
  return [
    'SeaBIOS (version 1.16.2-debian-1.16.2-1)',
    'Booting from Hard Disk...',
    `${t(0)} Linux version 6.1.0-18-amd64 (debian-kernel@lists.debian.org) (gcc-12 (Debian 12.2.0-14) 12.2.0) #1 SMP PREEMPT_DYNAMIC Debian 6.1.76-1 (2024-02-01)`,
    `${t(0)} Command line: BOOT_IMAGE=/boot/vmlinuz-6.1.0-18-amd64 root=/dev/vda1 ro console=ttyS0,115200n8`,
    `${t(0)} BIOS-provided physical RAM map:`,
    `${t(0.000012)} Hypervisor detected: KVM`,
    `${t(0.004211)} Memory: ${memMB * 1024 - 181234}K/${memMB * 1024}K available`,
    `${t(0.013377)} smpboot: Allowing ${cpus} CPUs, 0 hotplug CPUs`,
    `${t(0.101010)} smp: Brought up 1 node, ${cpus} CPUs`,
    `${t(0.391204)} virtio_blk virtio1: [vda] 83886080 512-byte logical blocks (42.9 GB/40.0 GiB)`,
    `${t(0.402915)} virtio_net virtio0 enp1s0: renamed from eth0`,
    `${t(0.913770)} EXT4-fs (vda1): mounted filesystem with ordered data mode. Quota mode: none.`,
    `${t(1.204418)} systemd[1]: systemd 252.22-1~deb12u1 running in system mode`,
    `${t(1.230007)} systemd[1]: Hostname set to <${vmName}>.`,
    '[  OK  ] Started systemd-journald.service - Journal Service.',
    '[  OK  ] Reached target local-fs.target - Local File Systems.',
    '[  OK  ] Started systemd-networkd.service - Network Configuration.',
    '[  OK  ] Reached target network-online.target - Network is Online.',
    '[  OK  ] Started ssh.service - OpenBSD Secure Shell server.',
    '[  OK  ] Started serial-getty@ttyS0.service - Serial Getty on ttyS0.',
    '[  OK  ] Reached target multi-user.target - Multi-User System.',
    '',
    `Debian GNU/Linux 12 ${vmName} ttyS0`,
    '',
  ];
}

export const SHUTDOWN_LOG = [
  '[  OK  ] Stopped target multi-user.target - Multi-User System.',
  '[  OK  ] Stopped ssh.service - OpenBSD Secure Shell server.',
  '[  OK  ] Reached target shutdown.target - System Shutdown.',
  '[  OK  ] Finished systemd-poweroff.service - System Power Off.',
  'reboot: Power down',
];

export const REBOOT_LOG = [
  '[  OK  ] Reached target reboot.target - System Reboot.',
  'reboot: Restarting system',
];
