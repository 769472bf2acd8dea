package io.github.awsauth.sample.api;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PostFilter;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Orders: the route rules in {@code application.yml} require the orders scopes (or the admin
 * role), and the {@code awsAuth} checks here let callers see and create only their own orders and
 * cancel one only where their policies allow it (the {@code policies} profile) or they are admins.
 */
@RestController
class OrdersController {

	private final List<Order> orders = new CopyOnWriteArrayList<>();

	private final AtomicLong ids = new AtomicLong();

	@GetMapping("/api/orders")
	@PostFilter("filterObject.owner() == authentication.name or @awsAuth.hasGroup('admin')")
	List<Order> orders() {
		return new java.util.ArrayList<>(this.orders);
	}

	@PostMapping("/api/orders")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("@awsAuth.isOwner(#order.owner()) or @awsAuth.hasGroup('admin')")
	Order create(@RequestBody Order order) {
		Order created = new Order(this.ids.incrementAndGet(), order.item(), order.quantity(), order.owner());
		this.orders.add(created);
		return created;
	}

	@DeleteMapping("/api/orders/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@PreAuthorize("@awsAuth.allowed('orders:Cancel', 'order/' + #id) or @awsAuth.hasGroup('admin')")
	void cancel(@PathVariable long id) {
		this.orders.removeIf((order) -> order.id() == id);
	}

}
