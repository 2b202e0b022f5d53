import { z } from 'zod';
import type { Integration } from '../http/integration.js';

/** Placeholder until the Teams bot lands: always off. */
export const teamsIntegration: Integration<Record<string, never>> = {
  name: 'Teams',
  offReason: () => 'the Teams bot is not built yet',
  configSchema: z.object({}).transform(() => ({})),
  fixes: {},
  async create() {
    return { routes: [], description: 'Teams: off' };
  },
};
