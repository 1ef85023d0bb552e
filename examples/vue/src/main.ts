import { createApp } from 'vue';
import 'libgo-vm-elements';
import App from './App.vue';

createApp(App).mount('#app');
