// Route table: `/v1/reviews/{reviewId}` style templates, matched per host. Literal segments win
// over parameters, so `/v1/reviews/latest` is never taken for a review id.

function compile(route) {
	const segments = route.path.split('/').filter(Boolean);
	const names = [];
	const pattern = segments
		.map((segment) => {
			const param = /^\{(\w+)\}$/.exec(segment);
			if (!param) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
			names.push(param[1]);
			return '([^/]+)';
		})
		.join('/');
	return {
		...route,
		regex: new RegExp(`^/${pattern}/?$`),
		names,
		weight: names.length,
		template: `${route.method} ${route.path}`,
	};
}

export function createRouter(routes) {
	const compiled = routes.map(compile).sort((a, b) => a.weight - b.weight);
	return {
		routes: compiled,
		/** Returns {route, params}, {allowedMethods} when only the method differs, or null. */
		match(host, method, pathname) {
			const allowed = new Set();
			for (const route of compiled) {
				if (route.host !== host) continue;
				const found = route.regex.exec(pathname);
				if (!found) continue;
				if (route.method !== method) {
					allowed.add(route.method);
					continue;
				}
				const params = {};
				route.names.forEach((name, index) => {
					try {
						params[name] = decodeURIComponent(found[index + 1]);
					} catch {
						params[name] = found[index + 1];
					}
				});
				return { route, params };
			}
			return allowed.size ? { allowedMethods: [...allowed] } : null;
		},
	};
}
