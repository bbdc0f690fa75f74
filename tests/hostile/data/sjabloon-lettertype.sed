s/^gewoon .*/gewoon = Comic-Sans.ttf/
