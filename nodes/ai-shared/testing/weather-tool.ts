// Test support: one small LangChain tool the stand-in's tests bind to every chat client.
import { tool } from '@langchain/core/tools';
import { z } from 'zod';

export const weatherTool = tool(async ({ city }) => `sunny in ${city}`, {
  name: 'get_weather',
  description: 'Weather for a city',
  schema: z.object({ city: z.string() }),
});
