package io.github.awsauth.sample.api;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PostFilter;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Orders: the route rules in {@code application.yml} require the orders scopes (or the admin
 * role), and the owner checks here let callers see and create only their own orders.
 */
@RestController
class OrdersController {

	private final List<Order> orders = new CopyOnWriteArrayList<>();

	private final AtomicLong ids = new AtomicLong();

	@GetMapping("/api/orders")
	@PostFilter("filterObject.owner() == authentication.name or hasRole('admin')")
	List<Order> orders() {
		return new java.util.ArrayList<>(this.orders);
	}

	@PostMapping("/api/orders")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("@awsAuth.isOwner(#order.owner()) or hasRole('admin')")
	Order create(@RequestBody Order order) {
		Order created = new Order(this.ids.incrementAndGet(), order.item(), order.quantity(), order.owner());
		this.orders.add(created);
		return created;
	}

}
