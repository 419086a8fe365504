// Live runs over Socket.IO: the gateway that attaches to the HTTP server.
export { attachLiveGateway, type LiveGateway } from './live-gateway.ts';
