import { defineConfig } from 'vitest/config';
import { mockProjects } from './vitest.projects.ts';

export default defineConfig({ test: { projects: mockProjects } });
