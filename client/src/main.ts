// Entry point of the editor: mounts the app into the page.
import { mount } from 'svelte';
import '@xyflow/svelte/dist/style.css';
import './styles.css';
import App from './App.svelte';

mount(App, { target: document.getElementById('app')! });
