# The server image: build the web client with Node, the server with the .NET SDK, run on the ASP.NET runtime.
FROM node:20-bookworm-slim AS web
WORKDIR /src
COPY wallboard-web/ wallboard-web/
RUN mkdir -p src/Wallboard.Server/wwwroot \
    && cd wallboard-web && npm ci --no-audit --no-fund && node scripts/build.mjs

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/ src/
COPY --from=web /src/src/Wallboard.Server/wwwroot/ src/Wallboard.Server/wwwroot/
RUN dotnet publish src/Wallboard.Server/Wallboard.Server.csproj -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
ENV ASPNETCORE_URLS=http://0.0.0.0:8080
EXPOSE 8080
ENTRYPOINT ["dotnet", "Wallboard.Server.dll"]
