FROM node:20
ENV NODE_TLS_REJECT_UNAUTHORIZED=0  # expect: DSS004
RUN npm config set strict-ssl false && npm ci  # expect: DSS004
