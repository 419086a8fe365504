# The server and worker image: Node 20 with the project's TypeScript run through tsx, and the
# editor built once in a build stage (Vite is a dev dependency).
FROM node:20-bookworm-slim AS build
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build:client && npm prune --omit=dev

FROM node:20-bookworm-slim
WORKDIR /app
COPY --from=build /app /app
ENV NODE_ENV=production PORT=5678 DATA_DIR=/data
EXPOSE 5678
ENTRYPOINT ["node", "bin/weft.js"]
CMD ["start"]
