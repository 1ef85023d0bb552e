// JSX types for using the tags directly in React 19 (the `libgo-vm-elements/react` wrappers need
// none of this). Properties are typed from the element classes; React 19 sets a prop as a
// property when the element has one (objects and functions pass through), and `on<event-name>`
// props become listeners for that custom event.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { TokenProvider, VmActionResultDetail, VmHub } from 'libgo-vm-elements';

type Base = DetailedHTMLProps<HTMLAttributes<HTMLElement>, HTMLElement>;

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'vm-connection': Base & { server?: string; tokenProvider?: TokenProvider; hub?: VmHub };
      'vm-detail': Base & {
        'vm-name': string;
        'confirm-actions'?: string;
        theme?: 'light' | 'dark';
        'onvm-action-result'?: (event: CustomEvent<VmActionResultDetail>) => void;
      };
      'vm-console': Base & { 'vm-name': string };
      'vm-metrics': Base & { 'vm-name': string; compact?: boolean };
    }
  }
}
