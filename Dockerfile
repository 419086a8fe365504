# The server and worker image: Node 20 with the project's TypeScript run through tsx.
FROM node:20-bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev
COPY . .
ENV NODE_ENV=production PORT=5678 DATA_DIR=/data
EXPOSE 5678
ENTRYPOINT ["node", "bin/weft.js"]
CMD ["start"]
